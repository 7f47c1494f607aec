using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Handoff;
using JepBot.Storage;
using JepBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>
/// The Teams activity handler: welcomes on install and when added to a team (recording the team), hands messages
/// in the advisors' channel to the advisors' desk, moves anything else said in a channel or group chat to a 1:1
/// chat, and hands 1:1 messages and card clicks to the conversation. State is saved once, after the turn
/// succeeded; a failed turn saves nothing. Replies go out only after that save (<see cref="TurnReplyBuffer"/>), so a
/// turn that lost its save to another instance has sent nothing, and the adapter runs it again.
/// </summary>
public sealed class JepTeamsBot(
    JepConversation conversation,
    ConversationState conversationState,
    UserState userState,
    AdvisorDesk desk,
    InstallationRecorder installations,
    PrivateChatOpener privateChats,
    JepBot.Municipalities.MunicipalDesk municipalDesk,
    JepBot.Refresh.RefreshDesk refreshDesk,
    AccessGuard guard,
    ILogger<JepTeamsBot> logger,
    JepBot.Insight.InsightRecorder insight,
    JepBot.Insight.InsightDesk insightDesk) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var tenant = TeamsActivityFacts.TenantId(turnContext.Activity);
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

        using var span = Telemetry.HostTelemetry.Source.StartActivity("turn");
        span?.SetTag("jepbot.activity_type", turnContext.Activity.Type);
        span?.SetTag("jepbot.conversation_type", turnContext.Activity.Conversation?.ConversationType ?? "personal");
        Telemetry.HostTelemetry.Turns.Add(1, new KeyValuePair<string, object?>("jepbot.activity_type", turnContext.Activity.Type));
        var replies = TurnReplyBuffer.Attach(turnContext);
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await SaveOrEraseStateAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Nothing of a failed turn goes out; the adapter's error handler tells the user (or runs the turn again).
            replies.Discard();
            throw;
        }

        try
        {
            await replies.SendAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Saved, so this turn happened: only now does what it counted count (docs/insight.md). Never throws.
            await insight.FlushAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveOrEraseStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (Dialogs.Engine.StateErasure.IsRequested(turnContext))
        {
            // "wis mijn gegevens": the stored state goes instead of being saved (the requests were anonymised in the turn).
            await userState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await conversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Conversation and user state deleted on the user's request.");
            return;
        }

        try
        {
            // User state first: when that save loses, nothing is saved yet. The conversation state, which records
            // that this message was answered, goes last, so a turn that saved it is never run a second time.
            await userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        }
        catch (StoragePreconditionFailedException conflict)
        {
            // Only a conflict of this turn's own saves is run again: its replies are still held, and what else it
            // did is safe to repeat (a request is stored once per idempotency key). Turns with effects beyond
            // their replies (the advisors' desk, opening a 1:1 chat) do not save this conversation's state, and a
            // conflict inside them stays an ordinary failed turn.
            throw new TurnConflictException(conflict);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // In channels and group chats the text starts with "<at>JepBot</at>"; only what follows is meant for us.
        if (Audience(turnContext.Activity) == WelcomeAudience.Team)
        {
            RecipientMention.Strip(turnContext.Activity);
        }

        // The advisors' channel commands and ticket buttons; a municipality's contact point, knowledge refresh and insight.
        if (await desk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false)
            || await municipalDesk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false)
            || await refreshDesk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false)
            || await insightDesk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false))
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
        else if (TeamsActivityFacts.EventType(activity) == "teamRenamed")
        {
            await installations.RenamedAsync(activity, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>JepBot uses no invoke actions (only Action.Submit), so any invoke gets a quiet 200 rather than the SDK's 501.</summary>
    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse { Status = 200 });

    private static WelcomeAudience Audience(IActivity activity) =>
        activity.Conversation?.ConversationType is null or "personal" ? WelcomeAudience.Personal : WelcomeAudience.Team;
}
