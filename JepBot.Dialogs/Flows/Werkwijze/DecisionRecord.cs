using System.Text;
using JepBot.Dialogs.Content;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// The afwegingsverslag: what the professional answered along the path they actually took (after "back", only what
/// still stands), as labelled fields in the order the content gives. It holds option titles and fixed content texts
/// only; free text never reaches it, so it contains no personal data.
/// </summary>
public sealed class DecisionRecord
{
    public DecisionRecord(string title, string intro, string footer, IReadOnlyList<(string Id, string Label, string Value)> fields)
    {
        Title = title;
        Intro = intro;
        Footer = footer;
        Fields = fields;
    }

    public string Title { get; }

    public string Intro { get; }

    public string Footer { get; }

    public IReadOnlyList<(string Id, string Label, string Value)> Fields { get; }

    public string? this[string id] => Fields.FirstOrDefault(f => f.Id == id).Value;

    /// <summary>Builds the record from the steps visited (oldest first) and the answers given.</summary>
    public static DecisionRecord Build(WerkwijzeContent content, string language, DateOnly date, IEnumerable<string> visitedSteps, IReadOnlyDictionary<string, JToken> answers)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var step in visitedSteps.Select(content.FindStep).OfType<ContentStep>())
        {
            foreach (var (field, text) in step.Sets)
            {
                values[field] = text.In(language);
            }

            if (step.Record is not null && answers.TryGetValue(step.Id, out var answer))
            {
                var chosen = answer is JArray array ? array.Select(t => t.ToString()) : [answer.ToString()];
                var titles = chosen.Select(id => step.Options.FirstOrDefault(o => o.Id == id)?.Title.In(language)).OfType<string>().ToList();
                if (titles.Count > 0)
                {
                    values[step.Record] = string.Join("; ", titles);
                }
            }
        }

        var fields = content.Record.Fields
            .Where(f => values.ContainsKey(f.Id))
            .Select(f => (f.Id, f.Label.In(language), values[f.Id]))
            .ToList();
        return new DecisionRecord(content.Record.Title.In(language), content.Record.Intro.In(language), content.Record.Footer.In(language), fields);
    }

    /// <summary>The same record as plain text, to copy into the professional's own file.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        text.AppendLine(Title);
        foreach (var (_, label, value) in Fields)
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        return text.ToString().TrimEnd();
    }
}
