using JepBot.Dialogs.Engine.Prompts;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine.State;

/// <summary>One running dialog on the stack: where it is, what it was given and what the user answered.</summary>
public sealed class DialogInstance
{
    /// <summary>Random id of this run; cards carry it so a click on a card of an earlier run is recognised as stale.</summary>
    public string Id { get; set; } = "";

    public string DialogId { get; set; } = "";

    public JToken? Options { get; set; }

    /// <summary>Answers to this dialog's prompts, by step name. "Back" removes the answers it undoes.</summary>
    public Dictionary<string, JToken> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The steps that ran, each with the input it got, so that "back" can run an earlier step again.</summary>
    public List<StepVisit> History { get; set; } = [];

    /// <summary>The question this dialog waits for, or null while it waits for a child dialog.</summary>
    public PromptSpec? Pending { get; set; }

    /// <summary>Started by a command in the middle of another dialog (e.g. "taal"); when it ends, the dialog below asks its question again instead of moving on.</summary>
    public bool IsInterruption { get; set; }

    /// <summary>Derived, never stored: a stored copy would be read back into the same objects and double their lists.</summary>
    [JsonIgnore]
    public StepVisit? CurrentVisit => History.Count == 0 ? null : History[^1];
}

/// <summary>A step that ran and the input it received.</summary>
public sealed class StepVisit
{
    public string Step { get; set; } = "";

    public JToken? Input { get; set; }

    /// <summary>True when this step asked a question. "Back" returns to the previous visit that asked something,
    /// skipping steps that only routed or informed (they run again on the way forward).</summary>
    public bool Asked { get; set; }
}
