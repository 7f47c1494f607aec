using JepBot.Dialogs.Cards.Templating;
using JepBot.Dialogs.Insight;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// A municipality's insight as a card (template <c>insight</c>): what is and is not counted, one table per section
/// with a column per month, what "&lt;5" and "x" mean, and where it helps (a werkatelier).
/// </summary>
public static class InsightCard
{
    public static JObject Build(InsightReport report, string? teamName, Localizer localizer, string language)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var title = T("insight.title");
        var period = string.IsNullOrWhiteSpace(teamName)
            ? T("insight.period", report.Months[0], report.Months[^1])
            : T("insight.periodForTeam", teamName.Trim(), report.Months[0], report.Months[^1]);
        return CardTemplates.Expand("insight", new
        {
            fallbackText = title,
            title,
            period,
            counted = T("insight.counted"),
            months = report.Months,
            sections = report.Sections.Select(s => new { heading = s.Heading, rows = s.Rows.Select(r => new { label = r.Label, cells = r.Cells }) }),
            legend = T("insight.legend"),
            werkatelier = T("insight.werkatelier"),
        });
    }
}
