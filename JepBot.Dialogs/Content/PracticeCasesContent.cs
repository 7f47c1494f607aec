using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Content;

/// <summary>
/// The oefencasussen (<c>practice-cases.json</c>): fictional cases a professional walks through the Werkwijze for
/// practice, each with the answers an experienced advisor would give and why. A jurist edits the file;
/// <see cref="PracticeCasesValidator"/> refuses one whose model answers do not fit the Werkwijze content.
/// </summary>
public sealed class PracticeCasesContent
{
    public int Version { get; set; }

    public List<PracticeCase> Cases { get; set; } = [];

    public PracticeCase? Find(string? id) => id is null ? null : Cases.FirstOrDefault(c => c.Id == id);
}

/// <summary>One fictional case: the story, who the professional is, and the model path through the Werkwijze.</summary>
public sealed class PracticeCase
{
    /// <summary>Kebab-case; part of the command <c>oefenen &lt;id&gt;</c>, so it must stay stable once published.</summary>
    public string Id { get; set; } = "";

    public LocalizedText Title { get; set; } = [];

    /// <summary>One or two sentences, for a card that invites people to practise this case.</summary>
    public LocalizedText Teaser { get; set; } = [];

    /// <summary>The case as the professional reads it before starting.</summary>
    public LocalizedText Situation { get; set; } = [];

    /// <summary>An option id of the Werkwijze's <c>profession</c> step.</summary>
    public string Profession { get; set; } = "";

    /// <summary>An option id of the Werkwijze's <c>age</c> step.</summary>
    public string Age { get; set; } = "";

    /// <summary>What the case is an example of (see <see cref="PracticeThemes"/>), so the set of cases can be checked for coverage.</summary>
    public List<string> Themes { get; set; } = [];

    /// <summary>
    /// Where the model path ends: a Werkwijze info step that sets the decision in the record ("shareWithConsent",
    /// "doNotShare", …), or <see cref="ContentStep.Exit"/> when the model stops the Werkwijze (acute danger, out of scope).
    /// </summary>
    public string Outcome { get; set; } = "";

    /// <summary>Ids of items in <c>legal-frames.json</c> worth reading after this case.</summary>
    public List<string> LegalFrames { get; set; } = [];

    /// <summary>The model answer for every decision on the model path, keyed by Werkwijze step id.</summary>
    public Dictionary<string, ModelAnswer> Model { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every text of the case, named for problem messages.</summary>
    [JsonIgnore]
    public IEnumerable<(string Name, LocalizedText Text)> Texts =>
        new[] { ("title", Title), ("teaser", Teaser), ("situation", Situation) }
            .Concat(Model.Select(m => ($"why of step '{m.Key}'", m.Value.Why)));
}

/// <summary>The model answer at one step: an option id (a checklist: a list of them) and the reasoning behind it.</summary>
public sealed class ModelAnswer
{
    /// <summary>A string for a choice or info step, an array of strings for a checklist (<c>multi</c>) step.</summary>
    public JToken? Answer { get; set; }

    /// <summary>Why an experienced advisor would choose this, in one to three plain sentences; shown as the hint.</summary>
    public LocalizedText Why { get; set; } = [];

    /// <summary>The chosen option ids, whatever the shape; empty when the answer is neither a string nor strings.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Options => Answer switch
    {
        JValue { Type: JTokenType.String } value => [(string)value!],
        JArray array when array.All(t => t.Type == JTokenType.String) => array.Select(t => (string)t!).ToList(),
        _ => [],
    };
}

/// <summary>
/// The situations the set of cases must cover, and how a case that claims one is checked against its model path.
/// A theme that cannot be seen in the answers (information from a third party) is taken from the case's word.
/// </summary>
public static class PracticeThemes
{
    /// <param name="Id">The theme id used in <see cref="PracticeCase.Themes"/>.</param>
    /// <param name="Visits">A Werkwijze step the model path must pass, or null.</param>
    /// <param name="Answers">Model answers the case must have (step id, option id).</param>
    public sealed record Theme(string Id, string? Visits, params (string Step, string Option)[] Answers);

    /// <summary>Every theme; each must be covered by at least one case.</summary>
    public static readonly IReadOnlyList<Theme> All =
    [
        new("acuteDanger", "acute"),
        new("consentGiven", null, ("consent", "given")),
        new("consentRefusedConflict", "seriousHarm", ("consent", "refused")),
        new("ideasOnly", null, ("scope", "ideasOnly")),
        new("groupPolarisation", null, ("scope", "groupPolarisation")),
        new("thirdParty", null),
    ];
}
