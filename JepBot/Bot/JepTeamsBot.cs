using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Handoff;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>
/// The Teams activity handler: welcomes on install and when added to a team, and hands every message and card
/// click to the conversation. State is saved once, after the turn succeeded; a failed turn saves nothing.
/// </summary>
public sealed class JepTeamsBot(JepConversation conversation, ConversationState conversationState, UserState userState, AdvisorDesk desk) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
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

        // The advisors' channel commands and ticket buttons; everything else is the conversation.
        if (await desk.TryHandleAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await conversation.OnMessageAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        conversation.WelcomeAsync(turnContext, Audience(turnContext.Activity), cancellationToken);

    /// <summary>
    /// Welcomes when the bot itself is among the added members. Handled here rather than through the Teams
    /// member events, which look up every added user at the connector first: nothing JepBot needs.
    /// </summary>
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        var botAdded = botId is not null && turnContext.Activity.MembersAdded?.Any(m => m?.Id == botId) == true;
        return botAdded ? conversation.WelcomeAsync(turnContext, Audience(turnContext.Activity), cancellationToken) : Task.CompletedTask;
    }

    /// <summary>JepBot uses no invoke actions (only Action.Submit), so any invoke gets a quiet 200 rather than the SDK's 501.</summary>
    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse { Status = 200 });

    private static WelcomeAudience Audience(IActivity activity) =>
        activity.Conversation?.ConversationType is null or "personal" ? WelcomeAudience.Personal : WelcomeAudience.Team;
}
