using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace JepBot.Bot;

/// <summary>
/// Connector clients kept per service URL and audience and handed to every turn that needs one, instead of a new
/// client per turn.
/// </summary>
/// <remarks>
/// Why: the adapter asks for a new <see cref="ConnectorClient"/> on every turn, and each new client's constructor
/// builds and runs a regular expression for its User-Agent header: after the shared contract resolver, the
/// largest single cost of a JepBot turn in a profile (docs/performance.md). A client is safe to share between
/// concurrent turns: it holds an HttpClient, the credentials (which cache their token) and read-only serializer
/// settings; Microsoft's Teams samples keep one client per service URL for the same reason.
/// The adapter disposes the client at the end of each turn, so the shared one ignores Dispose. Entries are
/// renewed after <see cref="Lifetime"/> so DNS changes behind a service URL are picked up; a renewed client is
/// left to the garbage collector rather than disposed, because a turn may still be using it. At most
/// <see cref="MaxEntries"/> clients are kept; past that a turn gets a client of its own, as before.
/// </remarks>
public sealed class ReusableConnectorClients
{
    public const int MaxEntries = 64;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string ServiceUrl, string? Audience), Entry> _entries = new();
    private readonly TimeProvider _clock;

    public ReusableConnectorClients(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Number of clients built since start (tests and the benchmark's turns-per-client figure).</summary>
    public int Created => _created;

    private int _created;

    public async Task<IConnectorClient> GetAsync(string serviceUrl, string? audience, Func<Task<IConnectorClient>> create)
    {
        var key = (serviceUrl, audience);
        var now = _clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Client;
        }

        var fresh = await create().ConfigureAwait(false);
        Interlocked.Increment(ref _created);
        if (fresh is not ConnectorClient built || (_entries.Count >= MaxEntries && !_entries.ContainsKey(key)))
        {
            return fresh;
        }

        var shared = new SharedConnectorClient(built);
        _entries[key] = new Entry(shared, now + Lifetime);
        return shared;
    }

    private sealed record Entry(ConnectorClient Client, DateTimeOffset Expires);

    /// <summary>A connector client over the same address, credentials and HttpClient as one the SDK built, that ignores Dispose.</summary>
    private sealed class SharedConnectorClient : ConnectorClient
    {
        public SharedConnectorClient(ConnectorClient built)
            : base(built.BaseUri, built.Credentials, built.HttpClient, disposeHttpClient: false)
        {
            SerializationSettings.ContractResolver = built.SerializationSettings.ContractResolver;
            DeserializationSettings.ContractResolver = built.DeserializationSettings.ContractResolver;
        }

        protected override void Dispose(bool disposing)
        {
            // Ignored: other turns use this client at the same time. (The HttpClient is not this client's to
            // dispose anyway; the override keeps a shared client from depending on what the base Dispose releases.)
        }
    }
}
