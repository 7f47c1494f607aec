using JepBot.Dialogs.Localization;
using Newtonsoft.Json;

namespace JepBot.Dialogs.Content;

/// <summary>
/// The facts of the werkatelier, its target groups, the topics for advisor contact and the ESS contact details
/// (<c>handoff.json</c>): content a jurist or the ESS can change without touching code.
/// </summary>
public sealed class HandoffContent
{
    private const string ResourceName = "JepBot.Dialogs.Content.handoff.json";

    private static readonly Lazy<HandoffContent> Embedded = new(() => Load(ReadEmbedded()));

    public static HandoffContent Default => Embedded.Value;

    public int Version { get; set; }

    public Dictionary<string, ContentSource> Sources { get; set; } = new(StringComparer.Ordinal);

    public HandoffContact Contact { get; set; } = new();

    public WerkatelierFacts Werkatelier { get; set; } = new();

    public AdvisorFacts Advisor { get; set; } = new();

    public static string ReadEmbedded()
    {
        using var stream = typeof(HandoffContent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static HandoffContent Load(string json)
    {
        var content = JsonConvert.DeserializeObject<HandoffContent>(json, new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
            ?? throw new InvalidDataException("handoff.json is empty.");
        var problems = content.Validate();
        return problems.Count == 0 ? content : throw new InvalidDataException("handoff.json is not valid:\n- " + string.Join("\n- ", problems));
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Text(string name, LocalizedText? text)
        {
            foreach (var language in Languages.All.Where(l => text is null || !text.TryGetValue(l, out var v) || string.IsNullOrWhiteSpace(v)))
            {
                problems.Add($"The {name} has no text in language '{language}'.");
            }
        }

        void Sourced(string name, ISourced item)
        {
            if (item.Sources.Count == 0 || item.Sources.Any(s => !Sources.ContainsKey(s)))
            {
                problems.Add($"The {name} has no source, or cites one that does not exist.");
            }

            if (!DateOnly.TryParseExact(item.Reviewed, "yyyy-MM-dd", out _))
            {
                problems.Add($"The {name} has no review date (yyyy-MM-dd).");
            }
        }

        Text("contact name", Contact.Name);
        Sourced("contact", Contact);
        Text("werkatelier title", Werkatelier.Title);
        Werkatelier.Facts.ForEach(f => Text("werkatelier fact", f));
        Werkatelier.TargetGroups.ForEach(g => Text($"target group '{g.Id}'", g.Title));
        Sourced("werkatelier", Werkatelier);
        if (Werkatelier.MaxParticipants < 1 || Werkatelier.TargetGroups.Count == 0 || Werkatelier.Facts.Count == 0)
        {
            problems.Add("The werkatelier needs facts, target groups and a maximum number of participants.");
        }

        Text("advisor title", Advisor.Title);
        Advisor.Intro.ForEach(i => Text("advisor intro", i));
        Advisor.Topics.ForEach(t => Text($"advisor topic '{t.Id}'", t.Title));
        Sourced("advisor", Advisor);
        if (Advisor.Topics.Count == 0)
        {
            problems.Add("The advisor contact needs topics.");
        }

        return problems;
    }
}

public sealed class HandoffContact : ISourced
{
    public LocalizedText Name { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

public sealed class WerkatelierFacts : ISourced
{
    public LocalizedText Title { get; set; } = [];

    public List<LocalizedText> Facts { get; set; } = [];

    public int MaxParticipants { get; set; }

    /// <summary>
    /// Professions (option ids of the Werkwijze's profession step) that are offered a werkatelier request after their
    /// decision record: municipal staff, who can request one for their municipality.
    /// </summary>
    public List<string> OfferAfterWerkwijzeTo { get; set; } = [];

    public List<NamedOption> TargetGroups { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

public sealed class AdvisorFacts : ISourced
{
    public LocalizedText Title { get; set; } = [];

    public List<LocalizedText> Intro { get; set; } = [];

    public List<NamedOption> Topics { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

public sealed class NamedOption
{
    public string Id { get; set; } = "";

    public LocalizedText Title { get; set; } = [];
}
