using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>The afwegingsverslag as a card: a heading, a short intro, the fields as facts, and a closing note.</summary>
public static class DecisionRecordCard
{
    public static JObject Build(string title, string intro, IEnumerable<(string Label, string Value)> fields, string footer)
    {
        var facts = new JArray(fields.Select(f => new JObject { ["title"] = f.Label, ["value"] = f.Value }));
        var body = new List<JObject>
        {
            AdaptiveCard.Heading(title),
            AdaptiveCard.Paragraph(intro),
            new() { ["type"] = "FactSet", ["facts"] = facts },
            AdaptiveCard.Paragraph(footer, subtle: true),
        };
        return AdaptiveCard.Create(title, body);
    }
}
