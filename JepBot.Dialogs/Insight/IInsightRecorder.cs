using Microsoft.Bot.Builder;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// Where the dialogs report what they count for a municipality's insight (docs/insight.md). The host's
/// implementation holds the events of a turn and counts them only after the turn's state was saved, so a failed turn,
/// a turn that is run again after losing its save, and a redelivered activity (which the engine ignores) count nothing.
/// </summary>
public interface IInsightRecorder
{
    /// <summary>Notes one event of this turn. Never throws: counting must never fail a user's turn.</summary>
    /// <param name="teamId">The team this 1:1 chat was opened from (the conversation's team note), or null.</param>
    void Record(ITurnContext turnContext, string? teamId, InsightEvent insightEvent);
}
