using JepBot.Bot;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace JepBot.Refresh;

/// <summary>Posts through the Bot Framework connector, as a new post (thread) in the team channel, like request tickets.</summary>
public sealed class ChannelRefreshPoster(JepBotAdapter adapter, IConfiguration configuration) : IRefreshPoster
{
    public Task PostAsync(RefreshSchedule schedule, IActivity card, CancellationToken cancellationToken)
    {
        var appId = configuration["MicrosoftAppId"] ?? "";
        var reference = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = schedule.ServiceUrl,
            Conversation = new ConversationAccount { Id = schedule.ChannelConversationId, IsGroup = true, ConversationType = "channel", TenantId = schedule.TenantId },
        };
        return ProactiveTurn.RunAsync(adapter, appId, reference, (turnContext, ct) =>
            TeamsInfo.SendMessageToTeamsChannelAsync(turnContext, card, schedule.ChannelConversationId, appId, ct), cancellationToken);
    }
}
