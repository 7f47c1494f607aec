using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JepBot.Benchmarks;

/// <summary>
/// A fast stand-in for the Bot Framework connector on real Kestrel on 127.0.0.1: answers every reply with 200 and
/// keeps, per conversation, the last reply that carried an Adaptive Card (the flow driver answers that card next).
/// </summary>
public sealed class Connector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _lastCard = new();
    private long _replies;
    private long _records;

    private Connector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Decision records received (cards with a FactSet): proof that the flow really reached its end.</summary>
    public long Records => Interlocked.Read(ref _records);

    public string? LastCard(string conversationId) => _lastCard.TryGetValue(conversationId, out var body) ? body : null;

    public static async Task<Connector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new Connector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext http, string conversationId) => connector.RecordAsync(http, conversationId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.RecordAsync(http, conversationId));
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    private async Task RecordAsync(HttpContext http, string conversationId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Interlocked.Increment(ref _replies);
        if (body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
        {
            _lastCard[conversationId] = body;
            if (body.Contains("\"FactSet\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _records);
            }
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("{\"id\":\"reply-1\"}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
