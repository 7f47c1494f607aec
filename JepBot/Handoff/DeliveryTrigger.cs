using JepBot.Dialogs.Handoff;

namespace JepBot.Handoff;

/// <summary>Wakes the outbox at once when a request is stored or a channel registered, instead of at its next poll.</summary>
public sealed class DeliveryTrigger : IDeliveryTrigger
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void RequestWaiting()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every waiting request.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
