using JepBot.Dialogs.Content;

namespace JepBot.Refresh;

/// <summary>One thing a refresh card can carry: its title and text, and the command that continues it in a 1:1 chat.</summary>
public sealed record RefreshItem(string Id, LocalizedText Title, LocalizedText Text, string Kind, string Start);

/// <summary>
/// What the knowledge refresh goes through, in turn: a practice case (practice-cases.json: its teaser, and a button
/// that starts it with "oefenen &lt;id&gt;"), then a reminder of a legal-frame topic (legal-frames.json, the texts the
/// legal frames cards show), and so on. A channel gets the next item each period and starts again at the end.
/// </summary>
public sealed class RefreshItems(IReadOnlyList<RefreshItem> items)
{
    public const string LegalFrameKind = "legalFrame";

    public const string PracticeKind = "practice";

    public IReadOnlyList<RefreshItem> All { get; } = items.Count > 0 ? items : throw new ArgumentException("The refresh needs at least one item.", nameof(items));

    public static RefreshItems FromContent(LegalFramesContent legalFrames, PracticeCasesContent practiceCases)
    {
        var frames = legalFrames.Topics.Select(topic => new RefreshItem(topic.Id, topic.Title, topic.Summary, LegalFrameKind, "juridische kaders")).ToList();
        var cases = practiceCases.Cases.Select(c => new RefreshItem(c.Id, c.Title, c.Teaser, PracticeKind, "oefenen " + c.Id)).ToList();
        var interleaved = new List<RefreshItem>(frames.Count + cases.Count);
        for (var i = 0; i < Math.Max(frames.Count, cases.Count); i++)
        {
            if (i < cases.Count)
            {
                interleaved.Add(cases[i]);
            }

            if (i < frames.Count)
            {
                interleaved.Add(frames[i]);
            }
        }

        return new(interleaved);
    }

    /// <summary>The item for a channel's counter (which keeps counting; it wraps here).</summary>
    public RefreshItem At(int index) => All[((index % All.Count) + All.Count) % All.Count];
}
