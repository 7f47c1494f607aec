using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace JepBot.Teams;

/// <summary>
/// The Teams facts of an activity (team, channel, tenant, event type), read so that malformed channelData from an
/// untrusted caller gives "unknown" instead of an exception in the middle of a turn.
/// </summary>
public static class TeamsActivityFacts
{
    public static TeamInfo? Team(IActivity activity) =>
        Read(activity, a => a.TeamsGetTeamInfo()) is { Id.Length: > 0 } team ? team : null;

    public static string? TeamId(IActivity activity) => Team(activity)?.Id;

    /// <summary>The channel id from channelData, or null.</summary>
    public static string? ChannelId(IActivity activity) =>
        Read(activity, a => a.GetChannelData<TeamsChannelData>()?.Channel?.Id) is { Length: > 0 } id ? id : null;

    /// <summary>The tenant: the conversation's, else channelData's.</summary>
    public static string? TenantId(IActivity activity) =>
        activity.Conversation?.TenantId is { Length: > 0 } tenant ? tenant : Read(activity, a => a.GetChannelData<TeamsChannelData>()?.Tenant?.Id);

    /// <summary>channelData.eventType, e.g. "teamRenamed".</summary>
    public static string? EventType(IActivity activity) => Read(activity, a => a.GetChannelData<TeamsChannelData>()?.EventType);

    private static T? Read<T>(IActivity activity, Func<IActivity, T?> read)
    {
        try
        {
            return read(activity);
        }
        catch (Exception exception) when (Bot.MalformedJson.Is(exception))
        {
            return default;
        }
    }
}
