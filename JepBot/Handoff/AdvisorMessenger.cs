using JepBot.Bot;
using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace JepBot.Handoff;

/// <summary>
/// Everything JepBot sends outside a user's turn: a request as a new thread in the advisors' channel, the ticket
/// card updated in place, and the requester's notifications in their own chat.
/// </summary>
public sealed class AdvisorMessenger(JepBotAdapter adapter, IConfiguration configuration, Localizer localizer)
{
    private string BotAppId => configuration["MicrosoftAppId"] ?? "";

    /// <summary>Posts the ticket as a new thread; returns where it landed (thread conversation id and card activity id).</summary>
    public async Task<(string ConversationId, string ActivityId)> PostTicketAsync(AdvisorChannel channel, HandoffRequest request, CancellationToken cancellationToken)
    {
        var card = HandoffTicketCard.Build(request, HandoffContent.Default, localizer);
        var activity = AdaptiveCard.ToActivity(card, (string)card["fallbackText"]!);
        (string, string)? posted = null;
        await ContinueAsync(channel.Reference, async (turnContext, ct) =>
        {
            var (reference, activityId) = await TeamsInfo.SendMessageToTeamsChannelAsync(turnContext, activity, channel.ChannelId, BotAppId, ct).ConfigureAwait(false);
            posted = (reference.Conversation.Id, activityId);
        }, cancellationToken).ConfigureAwait(false);
        return posted ?? throw new InvalidOperationException("The channel post returned nothing.");
    }

    /// <summary>Replaces the ticket card within an advisor's turn: the card they clicked is the one to update.</summary>
    public async Task UpdateTicketAsync(ITurnContext turnContext, HandoffRequest request, CancellationToken cancellationToken)
    {
        var cardId = turnContext.Activity.ReplyToId ?? request.Delivery.ActivityId;
        if (cardId is null)
        {
            await UpdateTicketAsync(request, cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = HandoffTicketCard.Build(request, HandoffContent.Default, localizer);
        var update = (Activity)AdaptiveCard.ToActivity(card, (string)card["fallbackText"]!);
        update.Id = cardId;
        update.Conversation = turnContext.Activity.Conversation;
        await turnContext.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the ticket card in the channel with one showing the current status.</summary>
    public Task UpdateTicketAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var delivery = request.Delivery;
        if (!delivery.Delivered || delivery.ConversationId is null || delivery.ActivityId is null || delivery.ServiceUrl is null)
        {
            return Task.CompletedTask;
        }

        var card = HandoffTicketCard.Build(request, HandoffContent.Default, localizer);
        var reference = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = delivery.ServiceUrl,
            Conversation = new ConversationAccount { Id = delivery.ConversationId, IsGroup = true },
        };
        return ContinueAsync(reference, async (turnContext, ct) =>
        {
            var update = (Activity)AdaptiveCard.ToActivity(card, (string)card["fallbackText"]!);
            update.Id = delivery.ActivityId;
            update.Conversation = reference.Conversation;
            await turnContext.UpdateActivityAsync(update, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>A short message in the requester's own chat (claimed, resolved).</summary>
    public Task NotifyRequesterAsync(HandoffRequest request, string text, CancellationToken cancellationToken) =>
        request.RequesterConversation is null
            ? Task.CompletedTask
            : ContinueAsync(request.RequesterConversation, (turnContext, ct) => turnContext.SendActivityAsync(MessageFactory.Text(text), ct), cancellationToken);

    private Task ContinueAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> send, CancellationToken cancellationToken) =>
        ProactiveTurn.RunAsync(adapter, BotAppId, reference, send, cancellationToken);
}
