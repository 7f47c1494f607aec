namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// What the Werkwijze offers after the decision record. The ids are the dialog ids of the advisor and werkatelier
/// dialogs, which the Werkwijze starts in its own place when chosen.
/// </summary>
/// <param name="WerkatelierProfessions">Profession option ids offered a werkatelier request (municipal staff).</param>
public sealed record WerkwijzeFollowUp(IReadOnlySet<string> WerkatelierProfessions)
{
    public const string Advisor = Flows.Advisor.AdvisorContactDialog.DialogId;
    public const string Werkatelier = Flows.Werkatelier.WerkatelierDialog.DialogId;
}
