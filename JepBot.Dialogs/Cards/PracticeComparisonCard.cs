using JepBot.Dialogs.Cards.Templating;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// The end of a practice walk (template <c>practice-comparison</c>): per decision what the professional chose, the
/// model answer, whether they match and why, then the outcome each reached. The texts arrive ready in the user's
/// language; this only lays them out.
/// </summary>
public static class PracticeComparisonCard
{
    /// <summary>One decision on the card.</summary>
    /// <param name="Color">An Adaptive Card text colour for the verdict: Good, Warning or Attention.</param>
    public sealed record Row(string Question, string Verdict, string Color, string Yours, string Model, string Why);

    public static JObject Build(string title, string caseTitle, string summary, IEnumerable<Row> rows, (string Label, string Verdict, string Color, string Yours, string Model) outcome, string footer) =>
        CardTemplates.Expand("practice-comparison", new
        {
            fallbackText = title + ". " + summary,
            title,
            caseTitle,
            summary,
            rows = rows.Select(r => new { question = r.Question, verdict = r.Verdict, color = r.Color, yours = r.Yours, model = r.Model, why = r.Why }),
            outcome = new { label = outcome.Label, verdict = outcome.Verdict, color = outcome.Color, yours = outcome.Yours, model = outcome.Model },
            footer,
        });
}
