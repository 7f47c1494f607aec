namespace JepBot.Tests.Support;

/// <summary>
/// Makes concurrent turns collide on purpose: once armed, the first read of a matching state key by each of
/// <c>parties</c> readers completes only when all of them have read. They then all hold the same version of the
/// state, so every save but the first must fail its ETag check. Later reads pass straight through.
/// </summary>
public sealed class ReadRendezvous
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private string? _keyPart;
    private int _waiting;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many readers met (for the test's own check that the collision really happened).</summary>
    public int Met { get; private set; }

    public void Arm(string keyPart, int parties)
    {
        lock (_gate)
        {
            _keyPart = keyPart;
            _waiting = parties;
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Met = 0;
        }
    }

    /// <summary>Called after a read: waits for the other parties when this read is one the rendezvous is for.</summary>
    public async Task AfterReadAsync(IEnumerable<string> keys)
    {
        Task all;
        lock (_gate)
        {
            if (_keyPart is null || !keys.Any(k => k.Contains(_keyPart, StringComparison.Ordinal)))
            {
                return;
            }

            Met++;
            all = _all.Task;
            if (--_waiting == 0)
            {
                _keyPart = null;
                _all.TrySetResult();
            }
        }

        // A party that never comes must not hang the test: the collision then simply does not happen.
        await Task.WhenAny(all, Task.Delay(MaxWait));
    }
}
