using Newtonsoft.Json;

namespace JepBot.Dialogs.Content;

/// <summary>
/// The Werkwijze as data (<c>werkwijze.json</c>): the steps of the conversation, the legal frames per profession,
/// the consent rules per age band, contact points, sources and the layout of the decision record. A JEP jurist edits
/// this file; <see cref="ContentValidator"/> refuses a file with missing sources, translations or broken routes.
/// </summary>
public sealed class WerkwijzeContent
{
    public int Version { get; set; }

    public Dictionary<string, ContentSource> Sources { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ContentContact> Contacts { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, LegalFrame> Frames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Consent rules, keyed by the option ids of the age question.</summary>
    public Dictionary<string, AgeBand> AgeBands { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Words that judge instead of describe ("agressief"), per language, lower case.</summary>
    public Dictionary<string, List<string>> JudgementWords { get; set; } = new(StringComparer.Ordinal);

    public RecordLayout Record { get; set; } = new();

    /// <summary>The steps; the first one is where the conversation starts.</summary>
    public List<ContentStep> Steps { get; set; } = [];

    [JsonIgnore]
    public ContentStep FirstStep => Steps[0];

    public ContentStep? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>Something that states a rule: where it comes from and when a jurist last checked it.</summary>
public interface ISourced
{
    List<string> Sources { get; }

    string? Reviewed { get; }

    /// <summary>The facts brief marks this as not verified: the bot then advises checking with a jurist.</summary>
    bool Uncertain { get; }
}

public sealed class ContentSource
{
    public string Url { get; set; } = "";

    public LocalizedText Title { get; set; } = [];
}

public sealed class ContentContact : ISourced
{
    public LocalizedText Name { get; set; } = [];

    public LocalizedText When { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Url { get; set; }

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

/// <summary>Professional secrecy for one group of professions.</summary>
public sealed class LegalFrame : ISourced
{
    public LocalizedText Title { get; set; } = [];

    public LocalizedText Secrecy { get; set; } = [];

    public LocalizedText Basis { get; set; } = [];

    public LocalizedText WithoutConsent { get; set; } = [];

    public LocalizedText Particulars { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

/// <summary>Who gives consent for sharing, for one age band.</summary>
public sealed class AgeBand : ISourced
{
    public LocalizedText Consent { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }
}

public sealed class RecordLayout
{
    public LocalizedText Title { get; set; } = [];

    public LocalizedText Intro { get; set; } = [];

    public LocalizedText Footer { get; set; } = [];

    public List<RecordField> Fields { get; set; } = [];
}

public sealed class RecordField
{
    public string Id { get; set; } = "";

    public LocalizedText Label { get; set; } = [];
}

public static class StepKinds
{
    public const string Choice = "choice";
    public const string Multi = "multi";
    public const string Text = "text";
    public const string Info = "info";
    public const string Record = "record";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Choice, Multi, Text, Info, Record };
}

/// <summary>One step of the conversation: a question (choice, multi, text), an information card with buttons, or the record.</summary>
public sealed class ContentStep : ISourced
{
    /// <summary>"exit" as a next step ends the conversation without a record.</summary>
    public const string Exit = "exit";

    public string Id { get; set; } = "";

    public string Kind { get; set; } = "";

    public LocalizedText Title { get; set; } = [];

    public List<LocalizedText> Body { get; set; } = [];

    /// <summary>Generated parts: "consentRule" (for the chosen age band), "legalFrame" (for the chosen profession).</summary>
    public List<string> Insert { get; set; } = [];

    public List<string> Contacts { get; set; } = [];

    public List<ContentOption> Options { get; set; } = [];

    public string? Next { get; set; }

    /// <summary>The record field that receives the chosen option title(s).</summary>
    public string? Record { get; set; }

    /// <summary>Record fields set when this step is shown.</summary>
    public Dictionary<string, LocalizedText> Sets { get; set; } = new(StringComparer.Ordinal);

    public int MinSelections { get; set; } = 1;

    /// <summary>Shows a "Juridische kaders" button on this step's card (consent and sharing steps).</summary>
    public bool LegalFramesButton { get; set; }

    public List<string> Sources { get; set; } = [];

    public string? Reviewed { get; set; }

    public bool Uncertain { get; set; }

    /// <summary>Where the conversation can go from here.</summary>
    [JsonIgnore]
    public IEnumerable<string> Targets => Options.Select(o => o.Next).Append(Next).OfType<string>();
}

public sealed class ContentOption
{
    public string Id { get; set; } = "";

    public LocalizedText Title { get; set; } = [];

    public string? Next { get; set; }

    /// <summary>Profession options: the legal frame that applies.</summary>
    public string? Frame { get; set; }
}
