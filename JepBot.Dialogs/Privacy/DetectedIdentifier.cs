namespace JepBot.Dialogs.Privacy;

/// <summary>One identifying detail found in a text: where it is and what replaces it.</summary>
/// <param name="Kind">What it looks like.</param>
/// <param name="Start">Index of its first character in the original text.</param>
/// <param name="Length">Number of characters it spans in the original text.</param>
/// <param name="Placeholder">The Dutch placeholder shown instead, such as <c>[naam]</c>.</param>
public sealed record DetectedIdentifier(IdentifierKind Kind, int Start, int Length, string Placeholder);
