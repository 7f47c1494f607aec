namespace JepBot.Dialogs.Privacy;

/// <summary>A text with every detected identifier replaced by its placeholder, and what was found.</summary>
/// <param name="Text">The redacted text, which may be kept or sent on after the professional confirms it.</param>
/// <param name="Found">The detections, with positions in the original text (not in <paramref name="Text"/>).</param>
public sealed record Redaction(string Text, IReadOnlyList<DetectedIdentifier> Found)
{
    public bool Changed => Found.Count > 0;
}
