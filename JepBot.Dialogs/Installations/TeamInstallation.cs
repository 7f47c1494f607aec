namespace JepBot.Dialogs.Installations;

/// <summary>
/// A team that installed JepBot (usually a municipality's team): recorded when the bot is added, updated on a
/// rename, deleted when it is removed. Holds no person's data: ids, the team's name and where to reach it.
/// </summary>
public sealed class TeamInstallation
{
    /// <summary>The Teams team id (19:…@thread.tacv2); the key.</summary>
    public string TeamId { get; set; } = "";

    public string? TeamName { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The connector endpoint of the team's region, for proactive messages.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>The channel the bot was added in (Teams uses the team id for the General channel).</summary>
    public string? ChannelId { get; set; }

    public DateTimeOffset InstalledUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>The municipality's own contact point, set by a protected channel command; null until set.</summary>
    public MunicipalContact? Contact { get; set; }
}
