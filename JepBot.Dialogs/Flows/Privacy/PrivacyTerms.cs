namespace JepBot.Dialogs.Flows.Privacy;

/// <summary>
/// What the privacy card states about keeping data, as the host enforces it: the retention periods from its
/// configuration (Retention:*) and whom to contact (Privacy:Contact; empty means the text for "your own organisation").
/// </summary>
public sealed record PrivacyTerms(int StateDays, int ResolvedRequestDays, string? Contact)
{
    public static readonly PrivacyTerms Default = new(30, 365, null);
}
