using JepBot.Dialogs.Cards.Templating;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>The afwegingsverslag as a card (template <c>decision-record</c>): heading, intro, the fields as facts, a closing note.</summary>
public static class DecisionRecordCard
{
    public static JObject Build(string title, string intro, IEnumerable<(string Label, string Value)> fields, string footer) =>
        CardTemplates.Expand("decision-record", new
        {
            fallbackText = title,
            title,
            intro,
            facts = fields.Select(f => new { label = f.Label, value = f.Value }),
            footer,
        });
}
