using Newtonsoft.Json;

namespace JepBot.Dialogs.Engine.State;

/// <summary>
/// The persisted dialog stack of one conversation. The last entry is the active dialog.
/// Only plain data lives here: it is stored as JSON in conversation state and must survive a
/// process restart and a redeploy in which dialogs or steps were renamed.
/// </summary>
public sealed class DialogStackState
{
    /// <summary>Bumped when the shape of this state changes incompatibly; older state is then discarded.</summary>
    public const int CurrentSchema = 1;

    /// <summary>Always written, even at its starting value: a later version must not read an omitted number as its own.</summary>
    [JsonProperty(DefaultValueHandling = DefaultValueHandling.Include)]
    public int Schema { get; set; } = CurrentSchema;

    public List<DialogInstance> Stack { get; set; } = [];

    /// <summary>True once the welcome card went to this conversation, so installs and member events never repeat it.</summary>
    public bool Welcomed { get; set; }

    /// <summary>
    /// Small texts one dialog leaves for another in this conversation (e.g. the last decision record, which the
    /// advisor request can attach). Never personal data: only what a dialog built from content and option titles.
    /// </summary>
    public Dictionary<string, string> Notes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Ids of the last few activities handled in this conversation. Teams delivers a message again when the bot took
    /// longer than 15 seconds to answer; the repeat was already answered and must not count as a second answer
    /// (or a second click on "Versturen"). Saved with the state, so a turn that failed is not remembered.
    /// </summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>Derived, never stored (see <see cref="DialogInstance.CurrentVisit"/>).</summary>
    [JsonIgnore]
    public DialogInstance? Active => Stack.Count == 0 ? null : Stack[^1];
}
