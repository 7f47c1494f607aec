using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Bot;

/// <summary>
/// <c>POST /api/messages</c>: reads and checks the request before any state is touched, so bad input gets a clear
/// 4xx (413 too large, 415 not JSON, 400 malformed or incomplete), then runs the turn through the adapter.
/// An accepted activity is processed to the end even if the caller hangs up.
/// </summary>
public static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>Real activities are a few KB; 256 KB leaves room for large cards and refuses abuse.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Longest id accepted (conversation, user, activity); Teams' own are a few hundred characters at most.</summary>
    public const int MaxIdLength = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.Event, ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.ContactRelationUpdate, ActivityTypes.DeleteUserData,
        ActivityTypes.Suggestion, ActivityTypes.Trace, ActivityTypes.Handoff, ActivityTypes.Command, ActivityTypes.CommandResult,
    };

    private static readonly JsonSerializer ActivitySerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        MaxDepth = 64,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    });

    public static IEndpointRouteBuilder MapMessagesEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);

        // The Agents Playground probes the endpoint with HEAD before its first message.
        endpoints.MapMethods(Route, [HttpMethods.Head], () => Results.Ok());
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, JepBotAdapter adapter, IBot bot, ConversationTurnGate gate, AccessGuard guard, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var (activity, problem, status) = await ReadActivityAsync(http.Request).ConfigureAwait(false);
        if (activity is null)
        {
            logger.LogInformation("Refused a request to {Route}: {Status} {Problem}", Route, status, problem);
            await WriteProblemAsync(http.Response, status, problem!).ConfigureAwait(false);
            return;
        }

        if (!KnownActivityTypes.Contains(activity.Type))
        {
            // Quietly accept what a future channel may send; nothing is processed or stored.
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!guard.IsChannelAllowed(activity.ChannelId))
        {
            logger.LogInformation("Refused an activity from channel {ChannelId}: this host serves Microsoft Teams only.", activity.ChannelId);
            await WriteProblemAsync(http.Response, StatusCodes.Status403Forbidden, "This bot serves Microsoft Teams only.").ConfigureAwait(false);
            return;
        }

        var authHeader = http.Request.Headers.Authorization.ToString();

        // Not the request's token: once accepted, the turn runs to the end even if the caller disconnects.
        var (authenticated, response) = await gate.RunAsync(
            activity.Conversation.Id,
            () => adapter.ProcessAuthenticatedAsync(authHeader, activity, bot, CancellationToken.None)).ConfigureAwait(false);
        if (!authenticated)
        {
            await WriteProblemAsync(http.Response, StatusCodes.Status401Unauthorized, "A valid Bot Framework token is required.").ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = response?.Status ?? StatusCodes.Status200OK;
        if (response?.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(JsonConvert.SerializeObject(response.Body, ActivitySerializerSettings), Encoding.UTF8).ConfigureAwait(false);
        }
    }

    private static readonly JsonSerializerSettings ActivitySerializerSettings = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>Reads the body as an activity, or says why it cannot be one.</summary>
    internal static async Task<(Activity? Activity, string? Problem, int Status)> ReadActivityAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The body must be an activity sent as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, $"The body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        string? body;
        try
        {
            body = await ReadLimitedAsync(request.Body, request.ContentLength).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }
        catch (DecoderFallbackException)
        {
            return (null, "The body is not valid UTF-8.", StatusCodes.Status400BadRequest);
        }

        if (body is null)
        {
            return (null, $"The body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (token is not JObject json)
            {
                return (null, "The body must be a JSON object.", StatusCodes.Status400BadRequest);
            }

            activity = json.ToObject<Activity>(ActivitySerializer);
        }
        catch (Exception exception) when (MalformedJson.Is(exception))
        {
            return (null, "The body is not a valid activity (malformed JSON or a field of the wrong type).", StatusCodes.Status400BadRequest);
        }

        var missing = activity switch
        {
            null => "body",
            { Type: null or "" } => "type",
            { ChannelId: null or "" } => "channelId",
            { Conversation: null } or { Conversation.Id: null or "" } => "conversation.id",
            { ServiceUrl: null or "" } => "serviceUrl",
            { From: null } or { From.Id: null or "" } => "from.id",
            _ => null,
        };
        if (missing is not null)
        {
            return (null, $"The activity has no {missing}.", StatusCodes.Status400BadRequest);
        }

        if (!Uri.TryCreate(activity!.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return (null, "The activity's serviceUrl must be an absolute http(s) URL.", StatusCodes.Status400BadRequest);
        }

        // Ids end up in the connector's URLs and in storage keys: Teams' ids are short printable ASCII, anything else is refused here.
        var badId = new (string Name, string? Value, bool Required)[]
        {
            ("conversation.id", activity.Conversation!.Id, true),
            ("from.id", activity.From!.Id, true),
            ("recipient.id", activity.Recipient?.Id, false),
            ("id", activity.Id, false),
            ("replyToId", activity.ReplyToId, false),
        }.FirstOrDefault(f => (f.Required || !string.IsNullOrEmpty(f.Value)) && !IsId(f.Value)).Name;
        if (badId is not null)
        {
            return (null, $"The activity's {badId} must be at most {MaxIdLength} printable ASCII characters.", StatusCodes.Status400BadRequest);
        }

        // The SDK's Teams handler converts channelData on many activity types and throws on a wrongly typed field.
        if (!ConvertsTo<Microsoft.Bot.Schema.Teams.TeamsChannelData>(activity.ChannelData))
        {
            return (null, "The activity's channelData does not have the shape Teams sends.", StatusCodes.Status400BadRequest);
        }

        return (activity, null, StatusCodes.Status200OK);
    }

    /// <summary>Reads at most one byte more than the limit, so an oversized body without Content-Length is still refused.</summary>
    private static bool ConvertsTo<T>(object? value)
        where T : class
    {
        try
        {
            _ = (value as JToken)?.ToObject<T>();
            return value is null or JObject;
        }
        catch (Exception exception) when (MalformedJson.Is(exception))
        {
            return false;
        }
    }

    private static bool IsId(string? value) =>
        value is { Length: > 0 and <= MaxIdLength } && value.All(c => c is >= '!' and <= '~');

    /// <summary>The body as text, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    /// <remarks>
    /// The buffer comes from the shared pool and grows only as far as the body does: a new 256 KB array per request
    /// lands on the large object heap and, at a few hundred turns a second, made the GC run a full collection
    /// several times a second (docs/performance.md).
    /// </remarks>
    private static async Task<string?> ReadLimitedAsync(Stream body, long? contentLength)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(contentLength ?? 0, 4096, MaxBodyBytes + 1));
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > MaxBodyBytes)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(total, buffer.Length - total)).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total > MaxBodyBytes ? null : StrictUtf8.GetString(buffer, 0, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task WriteProblemAsync(HttpResponse response, int status, string detail)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(new JObject { ["status"] = status, ["error"] = detail }.ToString(Formatting.None), Encoding.UTF8);
    }
}
