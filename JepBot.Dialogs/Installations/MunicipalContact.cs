namespace JepBot.Dialogs.Installations;

/// <summary>
/// A municipality's own contact point for worries about radicalisation, shown to its professionals at the sharing
/// step of the Werkwijze. Organisational contact details only: a team or desk, not a private person.
/// </summary>
public sealed class MunicipalContact
{
    /// <summary>E.g. "Gemeente Zaanstad, team Veiligheid".</summary>
    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The regional Veiligheidshuis the municipality works with, e.g. "Veiligheidshuis Zaanstreek-Waterland".</summary>
    public string? Veiligheidshuis { get; set; }
}
