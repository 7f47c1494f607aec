using Microsoft.Extensions.Options;

namespace JepBot.Bot;

/// <summary>Configuration section "Guard": who may use this bot.</summary>
public sealed class GuardOptions
{
    public const string Section = "Guard";

    /// <summary>Entra tenant ids of the municipalities (and Platform JEP) served. Empty = every tenant, with a warning at start-up.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>Channels besides Teams accepted in Development only: the emulator and test clients.</summary>
    public List<string> DevelopmentChannels { get; set; } = ["emulator", "test"];
}

/// <summary>
/// Decides whether an activity may be processed at all: Microsoft Teams only (other local clients in Development),
/// and, when an allow-list is configured, only the listed tenants.
/// </summary>
public sealed class AccessGuard(IOptions<GuardOptions> options, IHostEnvironment environment)
{
    private readonly GuardOptions _options = options.Value;

    public bool RestrictsTenants => _options.AllowedTenants.Count > 0;

    public bool IsChannelAllowed(string? channelId) =>
        channelId == Microsoft.Bot.Connector.Channels.Msteams
        || (environment.IsDevelopment() && channelId is not null && _options.DevelopmentChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase));

    public bool IsTenantAllowed(string? tenantId) =>
        !RestrictsTenants || (tenantId is not null && _options.AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));
}
