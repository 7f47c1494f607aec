namespace JepBot.Dialogs.Insight;

/// <summary>A stored counter: how often <paramref name="Metric"/> (with <paramref name="Key"/>) happened in a month ("2026-11").</summary>
public sealed record InsightCount(string Month, InsightMetric Metric, string Key, long Count);
