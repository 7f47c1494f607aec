using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Insight;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows;

/// <summary>
/// What the werkatelier and advisor dialogs share: the idempotency key on "Versturen", storing the request before
/// anything else, waking the outbox, and the confirmation with the reference. Delivery to the advisors never
/// blocks the confirmation: the request is safe once stored.
/// </summary>
/// <param name="insight">Counts the requests made, once per request, for the municipality's insight (docs/insight.md).</param>
public sealed class HandoffSubmission(IHandoffStore store, IDeliveryTrigger trigger, IInsightRecorder? insight = null)
{
    private const string KeyProperty = "k";

    /// <summary>Button data for the review card: the key of this dialog run.</summary>
    public static JObject KeyData(StepContext step) => new() { [KeyProperty] = step.RunId };

    public async Task<HandoffRequest> SubmitAsync(StepContext step, RequestKind kind, JObject fields, string? attachment, CancellationToken cancellationToken)
    {
        // The key from the card (a resent submit carries the same one); typed "versturen" falls back to the run id.
        var key = step.CardValue?[KeyProperty] is JValue { Type: JTokenType.String } k && ((string)k!).Length is > 0 and <= 64 ? (string)k! : step.RunId;
        var activity = step.Activity;
        var request = new HandoffRequest
        {
            Kind = kind,
            IdempotencyKey = kind + ":" + key,
            CreatedUtc = DateTimeOffset.UtcNow,
            Status = RequestStatus.Open,
            Fields = fields,
            Attachment = attachment,
            Language = step.Language,
            RequesterName = activity.From?.Name,
            RequesterId = activity.From?.AadObjectId ?? activity.From?.Id,
            RequesterConversation = activity.GetConversationReference(),
            Delivery = new DeliveryState { NextAttemptUtc = DateTimeOffset.UtcNow },
        };
        var (stored, created) = await store.AddAsync(request, cancellationToken).ConfigureAwait(false);
        trigger.RequestWaiting();
        if (created)
        {
            InsightRecording.Record(insight, step, kind == RequestKind.Werkatelier ? InsightMetric.WerkatelierRequested : InsightMetric.AdvisorRequested);
        }

        return stored;
    }

    /// <summary>
    /// A "Versturen" click on a review card whose request is already stored, when the dialog no longer waits for it:
    /// the first click's confirmation may never have reached the user (the bot stopped after storing, or its answer
    /// was lost). Confirms again with the stored reference instead of calling the card outdated. False when this is
    /// not such a click; a click the open question still waits for is left to the dialog, which finds the request itself.
    /// </summary>
    public async Task<bool> TryConfirmAgainAsync(DialogRunner runner, ITurnContext context, CancellationToken cancellationToken)
    {
        if (context.Activity.Value is not JObject value
            || value[KeyProperty] is not JValue { Type: JTokenType.String } k || ((string)k!).Length is 0 or > 64)
        {
            return false;
        }

        var (turn, _) = await runner.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var ticket = value[TurnInput.TicketProperty]?["d"]?.ToString();
        if (turn.State.Active is { Pending: not null } active && active.Id == ticket)
        {
            return false;
        }

        foreach (var kind in new[] { RequestKind.Werkatelier, RequestKind.Advisor })
        {
            if (await store.FindByIdempotencyKeyAsync(kind + ":" + (string)k!, cancellationToken).ConfigureAwait(false) is { } request)
            {
                var title = turn.T("handoff.alreadySent", request.Reference);
                var card = InfoCard.Build(title, [turn.T("handoff.keepReference", request.Reference)], [(turn.T("handoff.toMenu"), "menu")]);
                await context.SendActivityAsync(AdaptiveCard.ToActivity(card, title), cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        return false;
    }

    public static Task ConfirmAsync(StepContext step, HandoffRequest request, string titleKey, string nextKey, CancellationToken cancellationToken)
    {
        var title = step.T(titleKey, request.Reference);
        return step.SendCardAsync(InfoCard.Build(title, [step.T(nextKey), step.T("handoff.keepReference", request.Reference)], [(step.T("handoff.toMenu"), "menu")]), title, cancellationToken);
    }
}
