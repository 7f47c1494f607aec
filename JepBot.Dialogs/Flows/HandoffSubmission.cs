using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Insight;
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

    public static Task ConfirmAsync(StepContext step, HandoffRequest request, string titleKey, string nextKey, CancellationToken cancellationToken)
    {
        var title = step.T(titleKey, request.Reference);
        return step.SendCardAsync(InfoCard.Build(title, [step.T(nextKey), step.T("handoff.keepReference", request.Reference)], [(step.T("handoff.toMenu"), "menu")]), title, cancellationToken);
    }
}
