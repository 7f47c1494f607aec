using Newtonsoft.Json;

namespace JepBot.Dialogs.Content;

/// <summary>
/// The legal frames as data (<c>legal-frames.json</c>): one item per group of professions and one per topic
/// (professional secrecy, consent and age, conflict of duties, GDPR, proportionality, the Meldcode, why there is no
/// reporting point, where to go). Jurists edit the file; <see cref="LegalFramesValidator"/> guards it.
/// </summary>
public sealed class LegalFramesContent
{
    public int Version { get; set; }

    public Dictionary<string, ContentSource> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One sentence shown on every card: guidance, not legal advice.</summary>
    public LocalizedText Disclaimer { get; set; } = [];

    public List<LegalItem> Professions { get; set; } = [];

    public List<LegalItem> Topics { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<LegalItem> Items => Professions.Concat(Topics);

    public LegalItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);
}

/// <summary>One card's worth of legal explanation, with its sources and review date.</summary>
public sealed class LegalItem : ISourced
{
    public string Id { get; set; } = "";

    public LocalizedText Title { get; set; } = [];

    public LocalizedText Summary { get; set; } = [];

    public List<LegalSection> Sections { get; set; } = [];

    public List<LegalContact> Contacts { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

public sealed class LegalSection
{
    public LocalizedText Heading { get; set; } = [];

    public LocalizedText Text { get; set; } = [];
}

public sealed class LegalContact
{
    public LocalizedText Name { get; set; } = [];

    public LocalizedText When { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Url { get; set; }
}
