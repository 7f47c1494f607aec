using JepBot.Dialogs.Insight;

namespace JepBot.Insight;

/// <summary>
/// Durable counters for the municipalities' insight (docs/insight.md), keyed by (municipality, month, metric, key) and
/// nothing else: no user, conversation, text or time finer than the month. Implementations: SQLite (the embedded
/// default) and Azure Table storage; both run JepBot.Tests/Contracts/InsightStoreContractTests.
/// </summary>
public interface IInsightStore
{
    /// <summary>
    /// Adds one to the counter of each event (an event given twice adds two), starting missing counters at zero. Safe
    /// with several writers at once (instances of the app). Refuses, without storing anything, a municipality that is
    /// empty or too long, a month that is not "yyyy-MM", and an event that is not well formed (<see cref="InsightEvent.IsWellFormed"/>).
    /// </summary>
    Task AddAsync(string municipality, string month, IReadOnlyCollection<InsightEvent> events, CancellationToken cancellationToken);

    /// <summary>The counters of one municipality in these months; counters never added to are absent.</summary>
    Task<IReadOnlyList<InsightCount>> ReadAsync(string municipality, IReadOnlyCollection<string> months, CancellationToken cancellationToken);
}
