using JepBot.Dialogs.Handoff;
using Microsoft.Extensions.Options;

namespace JepBot.Retention;

/// <summary>
/// Enforces the retention periods on whichever store is configured: state untouched for
/// <see cref="RetentionOptions.StateDays"/> goes, and so do requests resolved more than
/// <see cref="RetentionOptions.ResolvedRequestDays"/> ago. Runs a minute after start and then every
/// <see cref="RetentionOptions.IntervalHours"/>; logs only counts.
/// </summary>
public sealed class RetentionService(
    IStateRetention state,
    IHandoffStore requests,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>One round; returns what it deleted.</summary>
    public async Task<(int States, int Requests)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var states = await state.DeleteStateUnchangedSinceAsync(now.AddDays(-options.Value.StateDays), cancellationToken).ConfigureAwait(false);
        var resolved = await requests.DeleteResolvedBeforeAsync(now.AddDays(-options.Value.ResolvedRequestDays), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Retention: deleted {States} state items unchanged for {StateDays} days and {Requests} requests resolved more than {RequestDays} days ago.",
            states, options.Value.StateDays, resolved, options.Value.ResolvedRequestDays);
        return (states, resolved);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store was unreachable: the next round tries again.
                logger.LogWarning("Retention round failed ({ExceptionType}); trying again next round.", exception.GetType().Name);
            }

            wait = TimeSpan.FromHours(options.Value.IntervalHours);
        }
    }
}
