using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>
/// A stand-in for the Bot Framework connector service on a real Kestrel port on 127.0.0.1. Activities put a
/// <c>serviceUrl</c> pointing here, and the bot's replies arrive over real HTTP and are recorded.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedActivity> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private RecordingConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<RecordedActivity> Received => [.. _received];

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext http, string conversationId, string replyToId) => connector.RecordAsync(http, conversationId, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.RecordAsync(http, conversationId, null));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) => connector.RecordAsync(http, conversationId, activityId, isUpdate: true));
        app.MapPost("/v3/conversations", (Delegate)((HttpContext http) => connector.CreateConversationAsync(http)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived in total (turns reply before answering the request, so this rarely waits).</summary>
    public async Task<IReadOnlyList<RecordedActivity>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} activities at the connector, got {_received.Count}.");
            }
        }

        return Received;
    }

    public void Clear()
    {
        while (_received.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private int _threads;

    /// <summary>Answers the next <paramref name="count"/> sends with 500, as a connector outage would.</summary>
    public void FailNext(int count) => FailNext(count, StatusCodes.Status500InternalServerError);

    /// <summary>Answers the next sends with this status (and Retry-After header), e.g. 429 then 500.</summary>
    public void FailNext(int count, int status, string? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue((status, retryAfter));
        }
    }

    private readonly ConcurrentQueue<(int Status, string? RetryAfter, TimeSpan Hang)> _threadFailures = new();

    /// <summary>Answers the next new channel threads (not chat replies) with this status and Retry-After.</summary>
    public void FailNextThreads(int count, int status, string? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            _threadFailures.Enqueue((status, retryAfter, TimeSpan.Zero));
        }
    }

    private int _threadAttempts;

    private readonly ConcurrentQueue<(string Id, JObject Parameters)> _privateChats = new();

    private readonly ConcurrentQueue<int> _privateChatFailures = new();

    /// <summary>1:1 chats the bot opened (POST /v3/conversations with one member), with their parameters.</summary>
    public IReadOnlyList<(string Id, JObject Parameters)> PrivateChats => [.. _privateChats];

    /// <summary>Refuses the next 1:1 chat the bot tries to open with this status (e.g. 403: the user blocked the bot).</summary>
    public void FailNextPrivateChat(int status) => _privateChatFailures.Enqueue(status);

    /// <summary>
    /// Lets the next new channel thread hang this long and then fail with 504, creating nothing: a connector that
    /// does not answer in time. Queued in order with <see cref="FailNextThreads"/>.
    /// </summary>
    public void HangNextThread(TimeSpan delay) => _threadFailures.Enqueue((StatusCodes.Status504GatewayTimeout, null, delay));

    /// <summary>Every attempt to start a channel thread, failed ones included.</summary>
    public int ThreadAttempts => Volatile.Read(ref _threadAttempts);

    /// <summary>Threads started in channels (new conversations), in order.</summary>
    public IReadOnlyList<RecordedActivity> Threads => [.. _received.Where(r => r.IsNewThread)];

    /// <summary>What the bot answered in the turn of this activity (replies to its id; no new threads, no updates), in order.</summary>
    public IReadOnlyList<BotReply> RepliesTo(JObject activity)
    {
        var id = (string?)activity["id"] ?? throw new ArgumentException("The activity has no id.", nameof(activity));
        return [.. _received.Where(r => r.ReplyToId == id && !r.IsNewThread && !r.IsUpdate).Select(r => r.Reply)];
    }

    /// <summary>Card updates (PUT), in order.</summary>
    public IReadOnlyList<RecordedActivity> Updates => [.. _received.Where(r => r.IsUpdate)];

    private async Task<IResult?> InjectedFailureAsync(HttpContext http, bool thread = false, bool privateChat = false)
    {
        (int Status, string? RetryAfter, TimeSpan Hang) failure;
        if (privateChat)
        {
            if (!_privateChatFailures.TryDequeue(out var status))
            {
                return null;
            }

            failure = (status, null, TimeSpan.Zero);
        }
        else if (thread)
        {
            if (!_threadFailures.TryDequeue(out failure))
            {
                return null;
            }
        }
        else if (_failures.TryDequeue(out var plain))
        {
            failure = (plain.Status, plain.RetryAfter, TimeSpan.Zero);
        }
        else
        {
            return null;
        }

        if (failure.Hang > TimeSpan.Zero)
        {
            // The caller usually gives up first; that aborts this request, which is fine.
            await Task.Delay(failure.Hang, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (failure.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = failure.RetryAfter;
        }

        return Results.StatusCode(failure.Status);
    }

    private async Task<IResult> RecordAsync(HttpContext http, string conversationId, string? replyToId, bool isUpdate = false)
    {
        if (await InjectedFailureAsync(http) is { } failure)
        {
            return failure;
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = JObject.Parse(await reader.ReadToEndAsync());
        _received.Enqueue(new RecordedActivity(conversationId, replyToId, json) { IsUpdate = isUpdate });
        _arrived.Release();
        return Results.Ok(new { id = isUpdate ? replyToId : "reply-" + Guid.NewGuid().ToString("N")[..8] });
    }

    /// <summary>
    /// POST /v3/conversations: a new thread in a channel (TeamsInfo.SendMessageToTeamsChannelAsync), or a 1:1 chat
    /// with one member (no channel, no activity), which gets the id "a:private-&lt;member id&gt;".
    /// </summary>
    private async Task<IResult> CreateConversationAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var parameters = JObject.Parse(await reader.ReadToEndAsync());
        if (parameters["channelData"]?["channel"] is null && parameters["members"] is JArray { Count: 1 } members)
        {
            var privateId = "a:private-" + (string?)members[0]["id"];
            _privateChats.Enqueue((privateId, parameters));
            return await InjectedFailureAsync(http, privateChat: true) ?? Results.Created((string?)null, new { id = privateId });
        }

        Interlocked.Increment(ref _threadAttempts);
        if (await InjectedFailureAsync(http, thread: true) is { } failure)
        {
            return failure;
        }

        var channel = (string?)parameters["channelData"]?["channel"]?["id"] ?? "unknown";
        var activityId = "thread-" + Interlocked.Increment(ref _threads);
        var conversationId = $"{channel};messageid={activityId}";
        _received.Enqueue(new RecordedActivity(conversationId, null, (JObject?)parameters["activity"] ?? []) { IsNewThread = true, Parameters = parameters, ActivityId = activityId });
        _arrived.Release();
        return Results.Created((string?)null, new { id = conversationId, activityId });
    }
}

/// <summary>An activity the bot sent to the connector, with the conversation and activity it answered.</summary>
public sealed record RecordedActivity(string ConversationId, string? ReplyToId, JObject Json)
{
    public BotReply Reply => new(Json.ToObject<Microsoft.Bot.Schema.Activity>()!);

    public bool IsNewThread { get; init; }

    public bool IsUpdate { get; init; }

    /// <summary>New threads: the conversation parameters (channelData with the channel id).</summary>
    public JObject? Parameters { get; init; }

    /// <summary>New threads: the id the card got, which later updates use.</summary>
    public string? ActivityId { get; init; }
}
