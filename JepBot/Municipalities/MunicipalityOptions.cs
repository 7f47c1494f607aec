using JepBot.Dialogs.Installations;

namespace JepBot.Municipalities;

/// <summary>
/// Configuration section "Municipalities": contact points set by configuration file, and the code that lets a
/// municipality's team set its own contact point in its channel ("contactpunt &lt;code&gt;").
/// </summary>
public sealed class MunicipalityOptions
{
    public const string Section = "Municipalities";

    /// <summary>The code for "contactpunt &lt;code&gt;" and "inzicht &lt;code&gt;" in a team channel. A secret: never logged. Empty = both are refused.</summary>
    public string SettingsCode { get; set; } = "";

    /// <summary>Contact points from configuration, per team (TeamId) or per organisation (TenantId). A team's own setting wins.</summary>
    public List<ConfiguredContact> Contacts { get; set; } = [];
}

/// <summary>One contact point from configuration and whom it is for.</summary>
public sealed class ConfiguredContact
{
    public string? TenantId { get; set; }

    public string? TeamId { get; set; }

    public string Name { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Veiligheidshuis { get; set; }

    public MunicipalContact ToContact() => new() { Name = Name, Phone = Phone, Email = Email, Veiligheidshuis = Veiligheidshuis };
}
