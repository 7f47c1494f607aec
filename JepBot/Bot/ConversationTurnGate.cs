namespace JepBot.Bot;

/// <summary>
/// Runs the turns of one conversation one at a time. Two messages of the same conversation arriving together
/// would otherwise both read the same state and the later save would fail its ETag check or drop an answer.
/// Different conversations still run in parallel. (Per process; across instances the store's ETags guard, and a
/// turn that loses its save is run again by <see cref="JepBotAdapter"/>.)
/// </summary>
public sealed class ConversationTurnGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string conversationId, Func<Task<T>> turn)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries[conversationId] = entry;
            }

            entry.Users++;
        }

        await entry.Semaphore.WaitAsync().ConfigureAwait(false);
        try
        {
            return await turn().ConfigureAwait(false);
        }
        finally
        {
            entry.Semaphore.Release();
            lock (_entries)
            {
                if (--entry.Users == 0)
                {
                    _entries.Remove(conversationId);
                    entry.Semaphore.Dispose();
                }
            }
        }
    }

    /// <summary>Conversations with a turn running or waiting; for tests and diagnostics.</summary>
    public int ActiveConversations
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
