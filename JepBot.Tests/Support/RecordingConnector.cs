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
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) => connector.RecordAsync(http, conversationId, activityId));
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

    private int _failuresLeft;

    /// <summary>Answers the next <paramref name="count"/> sends with 500, as a connector outage would.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    private async Task<IResult> RecordAsync(HttpContext http, string conversationId, string? replyToId)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = JObject.Parse(await reader.ReadToEndAsync());
        _received.Enqueue(new RecordedActivity(conversationId, replyToId, json));
        _arrived.Release();
        return Results.Ok(new { id = "reply-" + Guid.NewGuid().ToString("N")[..8] });
    }
}

/// <summary>An activity the bot sent to the connector, with the conversation and activity it answered.</summary>
public sealed record RecordedActivity(string ConversationId, string? ReplyToId, JObject Json)
{
    public BotReply Reply => new(Json.ToObject<Microsoft.Bot.Schema.Activity>()!);
}
