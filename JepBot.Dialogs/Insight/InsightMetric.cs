using System.Collections.Frozen;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// The closed set of things counted for a municipality's insight (docs/insight.md). Counts only: a metric says what
/// happened, its key (when it has one) is a content id, never anything a user typed.
/// </summary>
public enum InsightMetric
{
    /// <summary>A Werkwijze ("Ik maak me zorgen") walk started. No key.</summary>
    ConcernStarted,

    /// <summary>A Werkwijze walk reached the decision record. No key.</summary>
    ConcernFinished,

    /// <summary>The outcome of a finished walk. Key: the content step that set its decision (e.g. <c>doNotShare</c>).</summary>
    ConcernOutcome,

    /// <summary>A walk that ended without the decision record. Key: the content step whose question was open (e.g. <c>consent</c>).</summary>
    ConcernEndedAt,

    /// <summary>A legal-frame card was opened. Key: the legal-frames item (e.g. <c>youthWork</c>, <c>consent</c>).</summary>
    LegalFrameOpened,

    /// <summary>An advisor contact request was made (stored for the first time). No key.</summary>
    AdvisorRequested,

    /// <summary>A werkatelier request was made (stored for the first time). No key.</summary>
    WerkatelierRequested,
}

/// <summary>The stored names of the metrics: fixed, so renaming an enum member never changes what is in a store.</summary>
public static class InsightMetrics
{
    private static readonly FrozenDictionary<InsightMetric, string> Names = new Dictionary<InsightMetric, string>
    {
        [InsightMetric.ConcernStarted] = "concern-started",
        [InsightMetric.ConcernFinished] = "concern-finished",
        [InsightMetric.ConcernOutcome] = "concern-outcome",
        [InsightMetric.ConcernEndedAt] = "concern-ended-at",
        [InsightMetric.LegalFrameOpened] = "legal-frame-opened",
        [InsightMetric.AdvisorRequested] = "advisor-requested",
        [InsightMetric.WerkatelierRequested] = "werkatelier-requested",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, InsightMetric> ByName = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<InsightMetric> All => Names.Keys;

    /// <summary>The name under which a store keeps this metric, e.g. "concern-ended-at".</summary>
    public static string StoredName(this InsightMetric metric) =>
        Names.TryGetValue(metric, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not an insight metric.");

    public static bool TryParse(string? storedName, out InsightMetric metric) => ByName.TryGetValue(storedName ?? "", out metric);

    /// <summary>True for the metrics counted per content id; the others have the empty key.</summary>
    public static bool HasKey(this InsightMetric metric) =>
        metric is InsightMetric.ConcernOutcome or InsightMetric.ConcernEndedAt or InsightMetric.LegalFrameOpened;
}
