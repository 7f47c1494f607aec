using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Handoff;
using JepBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>
/// The Teams activity handler: welcomes on install and when added to a team (recording the team), hands messages
/// in the advisors' channel to the advisors' desk, moves anything else said in a channel or group chat to a 1:1
/// chat, and hands 1:1 messages and card clicks to the conversation. State is saved once, after the turn
/// succeeded; a failed turn saves nothing.
/// </summary>
public sealed class JepTeamsBot(
    JepConversation conversation,
    ConversationState conversationState,
    UserState userState,
    AdvisorDesk desk,
    InstallationRecorder installations,
    PrivateChatOpener privateChats,
    JepBot.Municipalities.MunicipalDesk municipalDesk,
    AccessGuard guard,
    ILogger<JepTeamsBot> logger) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var tenant = InstallationRecorder.TenantOf(turnContext.Activity);
        if (!guard.IsTenantAllowed(tenant))
        {
            // Another organisation: one polite answer to a message, nothing read, nothing stored.
            logger.LogWarning("Refused an activity of type {ActivityType} from tenant {TenantId}: not on the allow-list.", turnContext.Activity.Type, tenant ?? "(none)");
            if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                var language = Dialogs.Localization.Languages.FromLocale(turnContext.Activity.Locale);
                await turnContext.SendActivityAsync(MessageFactory.Text(conversation.Localizer.Get(language, "guard.otherTenant")), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // In channels and group chats the text starts with "<at>JepBot</at>"; only what follows is meant for us.
        if (Audience(turnContext.Activity) == WelcomeAudience.Team)
        {
            RecipientMention.Strip(turnContext.Activity);
        }

        // The advisors' channel commands and ticket buttons; a municipality's own contact point.
        if (await desk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false)
            || await municipalDesk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Anything else in a channel or group chat: a short answer there, the conversation itself in private.
        if (Audience(turnContext.Activity) == WelcomeAudience.Team)
        {
            await MoveToPrivateChatAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        await conversation.OnMessageAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private async Task MoveToPrivateChatAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var language = Dialogs.Localization.Languages.FromLocale(turnContext.Activity.Locale);
        var opened = turnContext.Activity.From?.Id is { Length: > 0 }
            && await privateChats.OpenAsync(turnContext, turnContext.Activity.Text?.Trim(), cancellationToken).ConfigureAwait(false);
        var key = opened ? "channel.movedToPrivate" : "channel.privateFailed";
        await turnContext.SendActivityAsync(MessageFactory.Text(conversation.Localizer.Get(language, key)), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        await installations.AddedAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        await conversation.WelcomeAsync(turnContext, Audience(turnContext.Activity), cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        installations.RemovedAsync(turnContext.Activity, cancellationToken);

    /// <summary>
    /// Welcomes when the bot itself is among the added members. Handled here rather than through the Teams
    /// member events, which look up every added user at the connector first: nothing JepBot needs.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.MembersAdded?.Any(m => m?.Id == botId) == true)
        {
            await installations.AddedAsync(activity, cancellationToken).ConfigureAwait(false);
            await conversation.WelcomeAsync(turnContext, Audience(activity), cancellationToken).ConfigureAwait(false);
        }
        else if (botId is not null && activity.MembersRemoved?.Any(m => m?.Id == botId) == true)
        {
            await installations.RemovedAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        else if (EventType(activity) == "teamRenamed")
        {
            await installations.RenamedAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? EventType(IActivity activity)
    {
        try
        {
            return activity.GetChannelData<Microsoft.Bot.Schema.Teams.TeamsChannelData>()?.EventType;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>JepBot uses no invoke actions (only Action.Submit), so any invoke gets a quiet 200 rather than the SDK's 501.</summary>
    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse { Status = 200 });

    private static WelcomeAudience Audience(IActivity activity) =>
        activity.Conversation?.ConversationType is null or "personal" ? WelcomeAudience.Personal : WelcomeAudience.Team;
}
