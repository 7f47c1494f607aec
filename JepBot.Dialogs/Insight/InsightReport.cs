using System.Globalization;
using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// A municipality's insight as it is shown: per section, rows of a label and one cell per month, every cell already
/// suppressed (<see cref="InsightSuppression"/>). Built from stored counters only, so it can hold nothing else.
/// </summary>
public sealed class InsightReport
{
    private InsightReport(IReadOnlyList<string> months, IReadOnlyList<InsightSection> sections)
    {
        Months = months;
        Sections = sections;
    }

    /// <summary>The months shown, as titles ("sep 2026"), oldest first.</summary>
    public IReadOnlyList<string> Months { get; }

    public IReadOnlyList<InsightSection> Sections { get; }

    /// <param name="months">"yyyy-MM", oldest first.</param>
    public static InsightReport Build(IReadOnlyList<string> months, IEnumerable<InsightCount> counts, InsightCatalog catalog, Localizer localizer, string language)
    {
        string T(string key) => localizer.Get(language, key);
        var byCell = counts
            .Where(c => months.Contains(c.Month, StringComparer.Ordinal))
            .GroupBy(c => (c.Month, c.Metric, c.Key))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        long Count(string month, InsightMetric metric, string key = "") => byCell.GetValueOrDefault((month, metric, key));
        List<string> Keys(InsightMetric metric) =>
        [
            .. byCell.Where(c => c.Key.Metric == metric && c.Value > 0).Select(c => c.Key.Key).Distinct(StringComparer.Ordinal)
                .OrderBy(k => catalog.Position(metric, k)).ThenBy(k => k, StringComparer.Ordinal),
        ];
        string[] Plain(InsightMetric metric, string key = "") => [.. months.Select(m => InsightSuppression.Cell(Count(m, metric, key)))];

        // The finished walks of a month and their outcomes add up: shown together with the rule for totals and parts.
        var outcomes = Keys(InsightMetric.ConcernOutcome);
        var perMonth = months.Select(m => InsightSuppression.TotalAndParts(Count(m, InsightMetric.ConcernFinished), [.. outcomes.Select(k => Count(m, InsightMetric.ConcernOutcome, k))])).ToList();

        InsightSection PerKey(string heading, InsightMetric metric) => new(T(heading), Keys(metric) is { Count: > 0 } keys
            ? [.. keys.Select(k => new InsightRow(catalog.Title(metric, k, language), Plain(metric, k)))]
            : [new InsightRow(T("insight.none"), [.. months.Select(_ => InsightSuppression.Cell(0))])]);

        var sections = new List<InsightSection>
        {
            new(T("insight.concern"),
            [
                new InsightRow(T("insight.started"), Plain(InsightMetric.ConcernStarted)),
                new InsightRow(T("insight.finished"), [.. perMonth.Select(p => p.Total)]),
            ]),
            new(T("insight.outcomes"), outcomes.Count > 0
                ? [.. outcomes.Select((k, i) => new InsightRow(catalog.Title(InsightMetric.ConcernOutcome, k, language), [.. perMonth.Select(p => p.Parts[i])]))]
                : [new InsightRow(T("insight.none"), [.. months.Select(_ => InsightSuppression.Cell(0))])]),
            PerKey("insight.endedAt", InsightMetric.ConcernEndedAt),
            PerKey("insight.legal", InsightMetric.LegalFrameOpened),
            new(T("insight.requests"),
            [
                new InsightRow(T("insight.advisorRequests"), Plain(InsightMetric.AdvisorRequested)),
                new InsightRow(T("insight.werkatelierRequests"), Plain(InsightMetric.WerkatelierRequested)),
            ]),
        };
        return new InsightReport([.. months.Select(m => MonthTitle(m, language))], sections);
    }

    /// <summary>"2026-09" as "sep 2026" (Dutch) or "Sep 2026" (English).</summary>
    public static string MonthTitle(string month, string language)
    {
        var date = DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
        var culture = language == Languages.English ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("nl-NL");
        return culture.DateTimeFormat.GetAbbreviatedMonthName(date.Month).TrimEnd('.') + " " + date.Year.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A titled group of rows (e.g. the outcomes).</summary>
public sealed record InsightSection(string Heading, IReadOnlyList<InsightRow> Rows);

/// <summary>A label and one shown cell per month ("12", "&lt;5", "0", "x").</summary>
public sealed record InsightRow(string Label, IReadOnlyList<string> Cells);
