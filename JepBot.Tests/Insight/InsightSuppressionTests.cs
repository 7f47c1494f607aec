using JepBot.Dialogs.Insight;
using JepBot.Dialogs.Localization;

namespace JepBot.Tests.Insight;

/// <summary>
/// The privacy rules of what insight shows (docs/insight.md): small counts as "&lt;5", and no small count worked out
/// by subtracting shown parts from a shown total, checked on examples and by brute force against a reader who knows
/// the rule.
/// </summary>
public sealed class InsightSuppressionTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(6, "6")]
    [InlineData(1234, "1234")]
    public void A_count_below_5_is_shown_as_less_than_5(long count, string shown)
    {
        Assert.Equal(shown, InsightSuppression.Cell(count));
    }

    [Theory]
    [InlineData(10, new long[] { 5, 5 }, "10", new[] { "5", "5" })]              // nothing small: all exact
    [InlineData(12, new long[] { 7, 5, 0 }, "12", new[] { "7", "5", "0" })]
    [InlineData(9, new long[] { 5, 4 }, "x", new[] { "5", "<5" })]                // 9 - 5 would give the 4 away
    [InlineData(6, new long[] { 5, 1 }, "x", new[] { "5", "<5" })]
    [InlineData(16, new long[] { 6, 5, 4, 1 }, "x", new[] { "6", "5", "<5", "<5" })]
    [InlineData(3, new long[] { 2, 1 }, "x", new[] { "<5", "<5" })]
    [InlineData(4, new long[] { 1, 1, 1, 1 }, "x", new[] { "<5", "<5", "<5", "<5" })] // a "<5" total would make each 1
    [InlineData(0, new long[] { 0, 0 }, "0", new[] { "0", "0" })]
    public void A_total_never_gives_a_small_part_away(long total, long[] parts, string shownTotal, string[] shownParts)
    {
        var (t, p) = InsightSuppression.TotalAndParts(total, parts);

        Assert.Equal(shownTotal, t);
        Assert.Equal(shownParts, p);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_reader_who_knows_the_rule_can_pin_no_small_part_to_one_value(int partCount)
    {
        // Every combination of parts (0..14 each, the total their sum), grouped by what the card would show. Within a
        // group the reader cannot tell the combinations apart, so every "<5" must have two values or more in it.
        const int Max = 14;
        var groups = new Dictionary<string, List<long[]>>();
        foreach (var parts in Combinations(partCount, Max))
        {
            var (total, shown) = InsightSuppression.TotalAndParts(parts.Sum(), parts);
            var key = total + "|" + string.Join(",", shown);
            (groups.TryGetValue(key, out var list) ? list : groups[key] = []).Add(parts);
        }

        foreach (var (shown, members) in groups)
        {
            var cells = shown.Split('|')[1].Split(',');
            for (var i = 0; i < partCount; i++)
            {
                if (cells[i] != InsightSuppression.Small)
                {
                    continue;
                }

                // Judge only combinations far enough from the search's edge that larger alternatives were searched too.
                if (members.All(m => m.Max() <= Max - 5) && members.Select(m => m[i]).Distinct().Count() < 2)
                {
                    Assert.Fail($"shown as {shown}: part {i} is always {members[0][i]} ({string.Join("; ", members.Select(m => string.Join(",", m)))})");
                }
            }
        }
    }

    [Fact]
    public void The_report_suppresses_every_cell_lists_keys_in_content_order_and_names_the_months()
    {
        string[] months = ["2026-09", "2026-10", "2026-11"];
        InsightCount[] counts =
        [
            new("2026-09", InsightMetric.ConcernStarted, "", 14), new("2026-10", InsightMetric.ConcernStarted, "", 4), new("2026-11", InsightMetric.ConcernStarted, "", 5),
            new("2026-09", InsightMetric.ConcernFinished, "", 9),
            new("2026-09", InsightMetric.ConcernOutcome, "doNotShare", 4), new("2026-09", InsightMetric.ConcernOutcome, "concernGone", 5),
            new("2026-10", InsightMetric.ConcernEndedAt, "consent", 1), new("2026-10", InsightMetric.ConcernEndedAt, "age", 3),
            new("2026-11", InsightMetric.LegalFrameOpened, "youthWork", 6),
            new("2026-08", InsightMetric.AdvisorRequested, "", 50),                  // not a month shown
            new("2026-11", InsightMetric.WerkatelierRequested, "", 2),
        ];

        var report = InsightReport.Build(months, counts, InsightCatalog.Default, Localizer.Default, Languages.Dutch);

        Assert.Equal(["sep 2026", "okt 2026", "nov 2026"], report.Months);
        var rows = report.Sections.SelectMany(s => s.Rows.Select(r => $"{s.Heading} / {r.Label}: {string.Join(" ", r.Cells)}")).ToList();
        Assert.Equal(
        [
            "Gesprekken 'Ik maak me zorgen' / Gestart: 14 <5 5",
            "Gesprekken 'Ik maak me zorgen' / Afgerond met afwegingsverslag: x 0 0",
            "Uitkomst van de afgeronde gesprekken / Je zorg is weggenomen: 5 0 0",
            "Uitkomst van de afgeronde gesprekken / Nu niet delen: <5 0 0",
            "Gestopt zonder verslag, bij de vraag / Hoe oud is de jongere?: 0 <5 0",
            "Gestopt zonder verslag, bij de vraag / Heb je toestemming gevraagd om de informatie te delen?: 0 <5 0",
            "Juridische kaders bekeken / Jongerenwerker of kinderwerker: 0 0 6",
            "Aanvragen / Contact met een adviseur: 0 0 0",
            "Aanvragen / Werkatelier: 0 0 <5",
        ], rows);
    }

    [Fact]
    public void Without_any_counts_every_section_says_none_in_english_too()
    {
        var report = InsightReport.Build(["2026-09", "2026-10", "2026-11"], [], InsightCatalog.Default, Localizer.Default, Languages.English);

        Assert.Equal(["Sep 2026", "Oct 2026", "Nov 2026"], report.Months);
        Assert.Equal(3, report.Sections.Count(s => s.Rows is [{ Label: "None" }]));
        Assert.All(report.Sections.SelectMany(s => s.Rows).SelectMany(r => r.Cells), c => Assert.Equal("0", c));
    }

    private static IEnumerable<long[]> Combinations(int count, int max)
    {
        var parts = new long[count];
        while (true)
        {
            yield return (long[])parts.Clone();
            var i = 0;
            while (i < count && ++parts[i] > max)
            {
                parts[i++] = 0;
            }

            if (i == count)
            {
                yield break;
            }
        }
    }
}
