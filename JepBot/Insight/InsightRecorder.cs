using JepBot.Dialogs.Insight;
using JepBot.Teams;
using Microsoft.Bot.Builder;

namespace JepBot.Insight;

/// <summary>
/// The host's <see cref="IInsightRecorder"/>: holds what a turn's dialogs counted and adds it to the
/// <see cref="IInsightStore"/> only when the turn succeeded and its state was saved (<see cref="FlushAsync"/>).
/// </summary>
/// <remarks>
/// So a turn is counted at most once: a failed turn saves nothing and counts nothing; a turn that lost its save and
/// is run again (docs/storage.md) counts in the run that saved, its earlier runs' events are dropped with their turn
/// context; a message Teams delivers twice is ignored by the engine before any dialog runs. Counting never fails a
/// turn: a refused event or a store that does not answer is logged (metric names and numbers only, never a key, a
/// conversation or a user) and dropped.
/// </remarks>
public sealed class InsightRecorder(
    IInsightStore store,
    InsightMunicipalities municipalities,
    InsightCatalog catalog,
    TimeProvider clock,
    ILogger<InsightRecorder> logger) : IInsightRecorder
{
    /// <summary>A store that hangs must not hold the conversation (and Teams' 15 seconds) for long.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public void Record(ITurnContext turnContext, string? teamId, InsightEvent insightEvent)
    {
        try
        {
            if (!catalog.Allows(insightEvent))
            {
                // A bug in a dialog, not a user's doing: say which metric, never the key (it might be text).
                logger.LogWarning("Insight event of metric {Metric} not counted: its key is not a content id of that kind.", insightEvent.Metric);
                return;
            }

            var turn = turnContext.TurnState.Get<TurnEvents>() ?? Attach(turnContext);
            turn.TeamId ??= teamId;
            turn.Events.Add(insightEvent);
        }
        catch (Exception exception)
        {
            logger.LogWarning("Insight event of metric {Metric} not counted ({ExceptionType}).", insightEvent.Metric, exception.GetType().Name);
        }
    }

    /// <summary>Counts what this turn recorded, for its municipality and the current month. Call once the turn's state was saved. Never throws.</summary>
    public async Task FlushAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<TurnEvents>() is not { Events.Count: > 0 } turn)
        {
            return;
        }

        turnContext.TurnState.Remove(typeof(TurnEvents).FullName!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FlushTimeout);
        try
        {
            var municipality = await municipalities.FindAsync(turn.TeamId, TeamsActivityFacts.TenantId(turnContext.Activity), timeout.Token).ConfigureAwait(false);
            if (municipality is null)
            {
                logger.LogDebug("{Count} insight events not counted: the conversation belongs to no known municipality.", turn.Events.Count);
                return;
            }

            await store.AddAsync(municipality, InsightMonth.Of(clock.GetUtcNow()), turn.Events, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Count} insight events of a turn were not counted ({ExceptionType}).", turn.Events.Count, exception.GetType().Name);
        }
    }

    private static TurnEvents Attach(ITurnContext turnContext)
    {
        var turn = new TurnEvents();
        turnContext.TurnState.Set(turn);
        return turn;
    }

    /// <summary>What one turn (one run of it) counted; dropped with its turn context when it is not flushed.</summary>
    private sealed class TurnEvents
    {
        public string? TeamId { get; set; }

        public List<InsightEvent> Events { get; } = [];
    }
}
