using System.Text.RegularExpressions;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// One thing to count: a metric and, for the metrics that have one, a content id. Nothing else: no user, no
/// conversation, no time (the month is added when it is counted), no text.
/// </summary>
public readonly partial record struct InsightEvent(InsightMetric Metric, string Key)
{
    /// <summary>The longest key a store accepts; content ids are far shorter.</summary>
    public const int MaxKeyLength = 64;

    public static InsightEvent Of(InsightMetric metric, string key = "") => new(metric, key);

    /// <summary>
    /// True when the event is of a known metric and its key has the shape of a content id (letters, digits, '-' and
    /// '_', at most <see cref="MaxKeyLength"/>), or is empty for a metric without key. Spaces, '@', '+' and digits-only
    /// runs of a phone number cannot pass; <see cref="InsightCatalog"/> checks the key is an actual content id.
    /// </summary>
    public bool IsWellFormed =>
        InsightMetrics.All.Contains(Metric) && (Metric.HasKey() ? Key is not null && KeyShape().IsMatch(Key) : Key == "");

    public override string ToString() => Metric.HasKey() ? $"{Metric.StoredName()}:{Key}" : Metric.StoredName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex KeyShape();
}
