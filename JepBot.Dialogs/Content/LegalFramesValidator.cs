using System.Globalization;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json;

namespace JepBot.Dialogs.Content;

/// <summary>Checks <c>legal-frames.json</c> the way <see cref="ContentValidator"/> checks the Werkwijze, and loads it.</summary>
public static class LegalFramesValidator
{
    /// <summary>The professions and topics the bot links to by id (the Werkwijze's professions, the topics).</summary>
    public static readonly string[] RequiredProfessions = ["medical", "youthAct", "socialWork", "youthWork", "education", "socialTeam", "other"];

    public static readonly string[] RequiredTopics = ["secrecy", "consent", "conflictOfDuties", "gdpr", "proportionality", "meldcode", "noReportingPoint", "whereToGo"];

    private const string ResourceName = "JepBot.Dialogs.Content.legal-frames.json";

    private static readonly Lazy<LegalFramesContent> Embedded = new(() => Load(ReadEmbedded()));

    public static LegalFramesContent Default => Embedded.Value;

    public static string ReadEmbedded()
    {
        using var stream = typeof(LegalFramesValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static LegalFramesContent Parse(string json) =>
        JsonConvert.DeserializeObject<LegalFramesContent>(json, new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
        ?? throw new InvalidDataException("legal-frames.json is empty.");

    public static LegalFramesContent Load(string json)
    {
        var content = Parse(json);
        var problems = Validate(content);
        return problems.Count == 0 ? content : throw new InvalidDataException("legal-frames.json is not valid:\n- " + string.Join("\n- ", problems));
    }

    public static IReadOnlyList<string> Validate(LegalFramesContent content)
    {
        var problems = new List<string>();
        Text(problems, "disclaimer", content.Disclaimer);
        foreach (var (id, source) in content.Sources)
        {
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"Source '{id}' has no valid http(s) URL.");
            }

            Text(problems, $"source '{id}' title", source.Title);
        }

        Ids(problems, "profession", content.Professions, RequiredProfessions);
        Ids(problems, "topic", content.Topics, RequiredTopics);
        foreach (var item in content.Items)
        {
            var name = $"item '{item.Id}'";
            Text(problems, $"{name} title", item.Title);
            Text(problems, $"{name} summary", item.Summary);
            if (item.Sections.Count == 0)
            {
                problems.Add($"{name} has no sections.");
            }

            for (var i = 0; i < item.Sections.Count; i++)
            {
                Text(problems, $"{name} section {i + 1} heading", item.Sections[i].Heading);
                Text(problems, $"{name} section {i + 1} text", item.Sections[i].Text);
            }

            foreach (var contact in item.Contacts)
            {
                Text(problems, $"{name} contact name", contact.Name);
                Text(problems, $"{name} contact when", contact.When);
            }

            if (item.Sources.Count == 0)
            {
                problems.Add($"{name} has no source.");
            }

            foreach (var source in item.Sources.Where(s => !content.Sources.ContainsKey(s)))
            {
                problems.Add($"{name} cites source '{source}', which does not exist.");
            }

            if (!DateOnly.TryParseExact(item.Reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"{name} has no review date (yyyy-MM-dd).");
            }
        }

        return problems;
    }

    private static void Ids(List<string> problems, string kind, List<LegalItem> items, string[] required)
    {
        foreach (var duplicate in items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"The {kind} id '{duplicate.Key}' appears twice.");
        }

        foreach (var missing in required.Where(id => items.All(i => i.Id != id)))
        {
            problems.Add($"The {kind} '{missing}' is missing.");
        }
    }

    private static void Text(List<string> problems, string name, LocalizedText? text)
    {
        foreach (var language in Languages.All.Where(l => text is null || !text.TryGetValue(l, out var value) || string.IsNullOrWhiteSpace(value)))
        {
            problems.Add($"The {name} has no text in language '{language}'.");
        }
    }
}
