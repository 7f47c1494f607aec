namespace JepBot.Refresh;

/// <summary>
/// A municipality's channel that asked for a periodic knowledge refresh ("kennisupdate"): where to post, how often,
/// and what was posted last. One per team; stored by <see cref="IRefreshScheduleStore"/>.
/// </summary>
public sealed class RefreshSchedule
{
    public string TeamId { get; set; } = "";

    public string? TenantId { get; set; }

    /// <summary>The channel to post in (its conversation id, without a message id).</summary>
    public string ChannelConversationId { get; set; } = "";

    public string ServiceUrl { get; set; } = "";

    /// <summary>Language of the cards ("nl" or "en"), from the locale of whoever switched the refresh on.</summary>
    public string Language { get; set; } = "nl";

    public RefreshFrequency Frequency { get; set; } = RefreshFrequency.Monthly;

    public bool Enabled { get; set; }

    /// <summary>The last period a card was posted for ("2026-11" or "2026-W48").</summary>
    public string? PostedPeriod { get; set; }

    /// <summary>A period an instance is posting for right now, and until when that claim holds.</summary>
    public string? ClaimedPeriod { get; set; }

    public DateTimeOffset? ClaimedUntilUtc { get; set; }

    /// <summary>Which item of the refresh list comes next, so the channel sees them in turn.</summary>
    public int NextItem { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}

public enum RefreshFrequency
{
    Monthly,
    Weekly,
}

/// <summary>A stored schedule with the version its next conditional write must name.</summary>
public sealed record VersionedSchedule(RefreshSchedule Schedule, string Version);
