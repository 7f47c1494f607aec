namespace JepBot.Privacy;

/// <summary>Configuration section "Privacy": whom the privacy card names for questions about data.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Who to ask about data kept by this JepBot, e.g. "privacy@gemeente.example (functionaris gegevensbescherming)".
    /// Empty: the card points to the user's own organisation's privacy officer.
    /// </summary>
    public string? Contact { get; set; }
}
