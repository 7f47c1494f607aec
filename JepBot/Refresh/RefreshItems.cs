using JepBot.Dialogs.Content;

namespace JepBot.Refresh;

/// <summary>One thing a refresh card can carry: its title and text, and the command that continues it in a 1:1 chat.</summary>
public sealed record RefreshItem(string Id, LocalizedText Title, LocalizedText Text, string Kind, string Start);

/// <summary>
/// What the knowledge refresh goes through, in turn: a reminder of each legal-frame topic (from legal-frames.json,
/// the same texts the legal frames cards show). A channel gets the next item each period and starts again at the end.
/// </summary>
public sealed class RefreshItems(IReadOnlyList<RefreshItem> items)
{
    public const string LegalFrameKind = "legalFrame";

    public IReadOnlyList<RefreshItem> All { get; } = items.Count > 0 ? items : throw new ArgumentException("The refresh needs at least one item.", nameof(items));

    public static RefreshItems FromContent(LegalFramesContent legalFrames) =>
        new(legalFrames.Topics.Select(topic => new RefreshItem(topic.Id, topic.Title, topic.Summary, LegalFrameKind, "juridische kaders")).ToList());

    /// <summary>The item for a channel's counter (which keeps counting; it wraps here).</summary>
    public RefreshItem At(int index) => All[((index % All.Count) + All.Count) % All.Count];
}
