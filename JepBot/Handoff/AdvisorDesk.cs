using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace JepBot.Handoff;

/// <summary>
/// What happens in the advisors' channel: registering it ("registreer adviseurskanaal &lt;code&gt;"), listing open
/// requests ("openstaande aanvragen"), and the ticket buttons (claim, resolve, reopen). Claims use the store's
/// optimistic concurrency: of two advisors clicking at once exactly one wins, the other is told who has it.
/// </summary>
public sealed class AdvisorDesk(
    IHandoffStore store,
    AdvisorMessenger messenger,
    DeliveryTrigger trigger,
    IOptions<HandoffOptions> options,
    Localizer localizer,
    ILogger<AdvisorDesk> logger,
    TimeProvider clock)
{
    private const string RegisterCommand = "registreer adviseurskanaal";
    private const string OpenCommand = "openstaande aanvragen";

    /// <summary>Handles the message if it is an advisors' command or ticket action; false means "not for the desk".</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var language = Languages.FromLocale(activity.Locale);
        if (activity.Value is JObject value && value[HandoffTicketCard.ActionProperty] is JObject action)
        {
            await HandleActionAsync(turnContext, action, language, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var text = (activity.Text ?? "").Trim();
        var normalized = TextMatching.Normalize(text);
        if (normalized.StartsWith(RegisterCommand, StringComparison.Ordinal))
        {
            var code = text.Length > RegisterCommand.Length ? text[(text.IndexOf("adviseurskanaal", StringComparison.OrdinalIgnoreCase) + "adviseurskanaal".Length)..].Trim() : "";
            await RegisterAsync(turnContext, code, language, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (normalized == OpenCommand && await IsAdvisorChannelAsync(activity, cancellationToken).ConfigureAwait(false))
        {
            await ListOpenAsync(turnContext, language, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task RegisterAsync(ITurnContext turnContext, string code, string language, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var channelId = ChannelOf(activity);
        string T(string key) => localizer.Get(language, key);
        if (activity.Conversation?.ConversationType != "channel" || channelId is null)
        {
            await turnContext.SendActivityAsync(T("channel.onlyInChannel"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var expected = options.Value.RegistrationCode;
        if (string.IsNullOrEmpty(expected))
        {
            logger.LogWarning("Advisors' channel registration refused: no registration code is configured.");
            await turnContext.SendActivityAsync(T("channel.notConfigured"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!JepBot.Bot.SecretCode.Matches(code, expected))
        {
            // The attempt is logged; the code typed is not.
            logger.LogWarning("Advisors' channel registration refused in conversation {ConversationId}: wrong code.", activity.Conversation.Id);
            await turnContext.SendActivityAsync(T("channel.wrongCode"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var reference = activity.GetConversationReference();
        reference.Conversation = new ConversationAccount { Id = channelId, IsGroup = true, ConversationType = "channel", TenantId = activity.Conversation.TenantId };
        reference.ActivityId = null;
        await store.SetAdvisorChannelAsync(new AdvisorChannel
        {
            Reference = reference,
            ChannelId = channelId,
            TeamId = Teams.TeamsActivityFacts.TeamId(activity),
            RegisteredUtc = clock.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Advisors' channel registered: {ChannelId}.", channelId);
        await turnContext.SendActivityAsync(T("channel.registered"), cancellationToken: cancellationToken).ConfigureAwait(false);
        await MakeWaitingRequestsDueAsync(cancellationToken).ConfigureAwait(false);
        trigger.RequestWaiting();
    }

    /// <summary>
    /// Requests that waited for a channel are delivered now rather than at their next backed-off attempt, which can
    /// be minutes away. A request the outbox is saving at this very moment is left to it (it is being retried).
    /// </summary>
    private async Task MakeWaitingRequestsDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var request in await store.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (request.Delivery.Delivered || request.Delivery.NextAttemptUtc <= now)
            {
                continue;
            }

            request.Delivery.NextAttemptUtc = now;
            try
            {
                await store.UpdateAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HandoffConflictException)
            {
                // Changed in between (the outbox or an advisor); it stays in the outbox either way.
            }
        }
    }

    private async Task ListOpenAsync(ITurnContext turnContext, string language, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var open = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var lines = open.Select(r =>
        {
            var states = new List<string>();
            if (!r.Delivery.Delivered)
            {
                states.Add(T("channel.undelivered"));
            }

            if (r.Status == RequestStatus.Open)
            {
                states.Add(T("channel.unclaimed"));
            }

            if (r.EmailCopy is { Delivered: false })
            {
                states.Add(T("channel.emailPending"));
            }

            var kind = T(r.Kind == RequestKind.Werkatelier ? "ticket.werkatelier" : "ticket.advisor");
            return $"**{r.Reference}** – {kind} ({string.Join(", ", states)})";
        }).ToList();
        var card = InfoCard.Build(T("channel.open"), lines.Count == 0 ? [T("channel.noneOpen")] : lines);
        await turnContext.SendActivityAsync(AdaptiveCard.ToActivity(card, T("channel.open")), cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleActionAsync(ITurnContext turnContext, JObject action, string language, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var reference = action["ref"] is JValue { Type: JTokenType.String } r ? (string)r! : "";
        var verb = action["action"] is JValue { Type: JTokenType.String } v ? (string)v! : "";
        if (!await IsAdvisorChannelAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false)
            || reference.Length is 0 or > 32
            || await store.GetAsync(reference, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            await turnContext.SendActivityAsync(T("ticket.notFound"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var advisor = turnContext.Activity.From?.Name ?? turnContext.Activity.From?.Id ?? "?";
        for (var attempt = 1; ; attempt++)
        {
            if (!IsAllowed(verb, request.Status))
            {
                var message = verb == "claim" && request.Status == RequestStatus.Claimed
                    ? T("ticket.alreadyClaimed", request.ClaimedBy, reference)
                    : T("ticket.notAllowed", reference, T("ticket.status." + request.Status, request.ClaimedBy).ToLowerInvariant());
                await turnContext.SendActivityAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            Apply(request, verb, advisor, turnContext.Activity.From?.Id, clock.GetUtcNow());
            try
            {
                request = await store.UpdateAsync(request, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (HandoffConflictException) when (attempt < 10)
            {
                // Someone changed the request in between: another advisor, or the outbox recording its delivery.
                // Decide again on the current record; if another advisor claimed it, the check above says who.
                request = await store.GetAsync(reference, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("A stored request disappeared.");
            }
        }

        logger.LogInformation("Request {Reference} is now {Status}.", reference, request.Status);
        await messenger.UpdateTicketAsync(turnContext, request, cancellationToken).ConfigureAwait(false);
        var note = verb switch
        {
            "claim" => localizer.Get(request.Language, "ticket.notifyClaimed", advisor, reference),
            "resolve" => localizer.Get(request.Language, "ticket.notifyResolved", reference, request.ClaimedBy),
            _ => null,
        };
        if (note is not null)
        {
            try
            {
                await messenger.NotifyRequesterAsync(request, note, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The status change stands; a missed notification must not undo it.
                logger.LogWarning("Could not notify the requester of {Reference} ({ExceptionType}).", reference, exception.GetType().Name);
            }
        }
    }

    private static bool IsAllowed(string verb, RequestStatus status) => (verb, status) switch
    {
        ("claim", RequestStatus.Open) => true,
        ("resolve", RequestStatus.Claimed) => true,
        ("reopen", RequestStatus.Claimed or RequestStatus.Resolved) => true,
        _ => false,
    };

    private static void Apply(HandoffRequest request, string verb, string advisor, string? advisorId, DateTimeOffset now)
    {
        switch (verb)
        {
            case "claim":
                request.Status = RequestStatus.Claimed;
                request.ClaimedBy = advisor;
                request.ClaimedById = advisorId;
                request.ClaimedUtc = now;
                request.ResolvedUtc = null;
                break;
            case "resolve":
                request.Status = RequestStatus.Resolved;
                request.ResolvedUtc = now;
                break;
            default:
                request.Status = RequestStatus.Open;
                request.ClaimedBy = null;
                request.ClaimedById = null;
                request.ClaimedUtc = null;
                request.ResolvedUtc = null;
                break;
        }
    }

    private async Task<bool> IsAdvisorChannelAsync(IActivity activity, CancellationToken cancellationToken)
    {
        var channel = await store.GetAdvisorChannelAsync(cancellationToken).ConfigureAwait(false);
        return channel is not null && ChannelOf(activity) == channel.ChannelId;
    }

    /// <summary>The Teams channel a channel message belongs to: from channelData, or the conversation id without ";messageid=".</summary>
    private static string? ChannelOf(IActivity activity)
    {
        if (activity.Conversation?.ConversationType != "channel")
        {
            return null;
        }

        return Teams.TeamsActivityFacts.ChannelId(activity) ?? activity.Conversation.Id?.Split(';')[0];
    }
}
