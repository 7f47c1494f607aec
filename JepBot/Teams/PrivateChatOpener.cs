using JepBot.Bot;
using JepBot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace JepBot.Teams;

/// <summary>
/// Moves a conversation from a channel or group chat to a 1:1 chat with the person who wrote: a worry about a young
/// person is never discussed where colleagues read along. Creates the 1:1 conversation proactively and starts it there.
/// </summary>
public sealed class PrivateChatOpener(JepConversation conversation, ConversationState conversationState, UserState userState, IConfiguration configuration, ILogger<PrivateChatOpener> logger, JepBot.Insight.InsightRecorder insight)
{
    /// <summary>Opens (or reopens) the 1:1 chat and starts it; false when Teams refused (e.g. the user blocked the bot).</summary>
    /// <param name="featureName">What they typed after the mention, used only when it names a feature ("zorg").</param>
    public async Task<bool> OpenAsync(ITurnContext channelTurn, string? featureName, CancellationToken cancellationToken)
    {
        var activity = channelTurn.Activity;
        var tenantId = TeamsActivityFacts.TenantId(activity);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = activity.Recipient,
            Members = [new ChannelAccount(activity.From.Id, activity.From.Name) { AadObjectId = activity.From.AadObjectId }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
        };
        var audience = channelTurn.TurnState.Get<string>(BotAdapter.OAuthScopeKey);
        try
        {
            await ((CloudAdapterBase)channelTurn.Adapter).CreateConversationAsync(
                configuration["MicrosoftAppId"] ?? "",
                activity.ChannelId,
                activity.ServiceUrl,
                audience,
                parameters,
                async (privateTurn, ct) =>
                {
                    // The created conversation's event names no user or language: carry them over from the channel.
                    privateTurn.Activity.From = activity.From;
                    privateTurn.Activity.Locale = activity.Locale;
                    await conversation.StartPrivateAsync(privateTurn, featureName, TeamsActivityFacts.TeamId(activity), ct).ConfigureAwait(false);
                    await conversationState.SaveChangesAsync(privateTurn, false, ct).ConfigureAwait(false);
                    await userState.SaveChangesAsync(privateTurn, false, ct).ConfigureAwait(false);
                    await insight.FlushAsync(privateTurn, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ErrorResponseException exception)
        {
            logger.LogWarning("Could not open a 1:1 chat from conversation {ConversationId} ({Status}).", activity.Conversation?.Id, (int)exception.Response.StatusCode);
            return false;
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Could not open a 1:1 chat from conversation {ConversationId} ({ExceptionType}).", activity.Conversation?.Id, exception.GetType().Name);
            return false;
        }
    }
}
