using System.Globalization;
using System.Net;
using JepBot.Dialogs.Handoff;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace JepBot.Handoff;

/// <summary>
/// The outbox: delivers stored requests to the advisors' channel (and, when configured, an e-mail copy to a mailbox),
/// and keeps trying until it works. A target that fails (no channel registered, 403, 429, 5xx, SMTP error, timeout)
/// stays "not delivered" with its next attempt time: exponential backoff, or the connector's Retry-After when that
/// is longer. After a restart the undelivered requests are simply due again. With several instances each attempt is
/// reserved in the store first, so only one outbox makes it. Delivery is at least once: a crash
/// between posting and recording it posts again. Logs carry references, targets and statuses only.
/// </summary>
public sealed class HandoffDeliveryService(
    IHandoffStore store,
    AdvisorMessenger messenger,
    EmailCopySender email,
    DeliveryTrigger trigger,
    IOptions<HandoffOptions> options,
    ILogger<HandoffDeliveryService> logger,
    TimeProvider clock) : BackgroundService
{
    private readonly HandoffOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                await trigger.WaitAsync(TimeSpan.FromSeconds(_options.PollSeconds), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store itself failed: wait a round and try again; nothing is lost, the requests stay stored.
                logger.LogError("Outbox round failed ({ExceptionType}).", exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(_options.PollSeconds), clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One round: every due request gets one attempt.</summary>
    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        foreach (var request in await store.DueForDeliveryAsync(clock.GetUtcNow(), 20, cancellationToken).ConfigureAwait(false))
        {
            await DeliverAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How long a reservation outlasts the delivery timeout: an outbox that dies during an attempt leaves the request
    /// to the others after this, as its "next attempt".
    /// </summary>
    private static readonly TimeSpan ReservationMargin = TimeSpan.FromSeconds(5);

    /// <summary>One attempt for each target of this request that is due, then one save.</summary>
    private async Task DeliverAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        using var span = Telemetry.HostTelemetry.Source.StartActivity("handoff.delivery");
        span?.SetTag("jepbot.reference", request.Reference);
        span?.SetTag("jepbot.kind", request.Kind.ToString());
        var now = clock.GetUtcNow();
        if (email.Enabled)
        {
            request.EmailCopy ??= new DeliveryState { NextAttemptUtc = now };
        }

        var channelDue = !request.Delivery.Delivered && request.Delivery.NextAttemptUtc <= now;
        var emailDue = email.Enabled && request.EmailCopy is { Delivered: false } copy && copy.NextAttemptUtc <= now;
        if (!channelDue && !emailDue)
        {
            return;
        }

        if (await ReserveAsync(request, channelDue, emailDue, now, cancellationToken).ConfigureAwait(false) is not { } reserved)
        {
            return;
        }

        if (channelDue)
        {
            await DeliverToChannelAsync(reserved, cancellationToken).ConfigureAwait(false);
        }

        if (emailDue)
        {
            await SendEmailCopyAsync(reserved, cancellationToken).ConfigureAwait(false);
        }

        await SaveAsync(reserved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims this attempt before anything is sent. Every instance of the bot runs an outbox on the same store, and
    /// each finds the same due requests: the attempt's targets get a next attempt past the delivery timeout, saved
    /// under the request's ETag, and only the outbox whose save wins delivers. The others get a conflict and leave
    /// the request alone (it is not due for them any more). Null when another outbox, or an advisor, was first.
    /// </summary>
    private async Task<HandoffRequest?> ReserveAsync(HandoffRequest request, bool channel, bool emailCopy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + TimeSpan.FromSeconds(_options.DeliveryTimeoutSeconds) + ReservationMargin;
        if (channel)
        {
            request.Delivery.NextAttemptUtc = until;
        }

        if (emailCopy)
        {
            request.EmailCopy!.NextAttemptUtc = until;
        }

        try
        {
            return await store.UpdateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HandoffConflictException)
        {
            // Changed since this round read it: if it is still due, the next round finds it again.
            return null;
        }
    }

    private async Task DeliverToChannelAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var channel = await store.GetAdvisorChannelAsync(cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            Failed(request, request.Delivery, "channel", "no channel registered", null);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.DeliveryTimeoutSeconds));
        try
        {
            var (conversationId, activityId) = await messenger.PostTicketAsync(channel, request, timeout.Token).ConfigureAwait(false);
            var delivery = request.Delivery;
            delivery.ConversationId = conversationId;
            delivery.ActivityId = activityId;
            delivery.ServiceUrl = channel.Reference.ServiceUrl;
            Succeeded(request, delivery, "channel");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(request, request.Delivery, "channel", "timeout", null);
        }
        catch (ErrorResponseException exception)
        {
            Failed(request, request.Delivery, "channel", ((int)exception.Response.StatusCode).ToString(CultureInfo.InvariantCulture), RetryAfter(exception));
        }
        catch (HttpRequestException exception)
        {
            Failed(request, request.Delivery, "channel", exception.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "connection failed", null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Anything else (a bad stored reference, an unexpected connector answer) must not stop the other
            // requests in this round: this one is retried later like any failed delivery.
            Failed(request, request.Delivery, "channel", exception.GetType().Name, null);
        }
    }

    private async Task SendEmailCopyAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.DeliveryTimeoutSeconds));
        try
        {
            await email.SendAsync(request, timeout.Token).ConfigureAwait(false);
            Succeeded(request, request.EmailCopy!, "e-mail");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(request, request.EmailCopy!, "e-mail", "timeout", null);
        }
        catch (MailKit.Net.Smtp.SmtpCommandException exception)
        {
            Failed(request, request.EmailCopy!, "e-mail", "SMTP " + ((int)exception.StatusCode).ToString(CultureInfo.InvariantCulture), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Failed(request, request.EmailCopy!, "e-mail", exception.GetType().Name, null);
        }
    }

    private void Succeeded(HandoffRequest request, DeliveryState delivery, string target)
    {
        delivery.Delivered = true;
        delivery.DeliveredUtc = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastError = null;
        logger.LogInformation("Request {Reference} delivered by {Target} (attempt {Attempt}).", request.Reference, target, delivery.Attempts);
        Telemetry.HostTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("jepbot.target", target));
        System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("delivered", tags: new System.Diagnostics.ActivityTagsCollection { ["jepbot.reference"] = request.Reference, ["jepbot.target"] = target, ["jepbot.attempt"] = delivery.Attempts }));
    }

    private void Failed(HandoffRequest request, DeliveryState delivery, string target, string failure, TimeSpan? retryAfter)
    {
        delivery.Attempts++;
        delivery.LastError = failure;
        var backoff = TimeSpan.FromSeconds(Math.Min(_options.MaxRetrySeconds, _options.FirstRetrySeconds * Math.Pow(2, Math.Min(delivery.Attempts - 1, 20))));
        delivery.NextAttemptUtc = clock.GetUtcNow() + (retryAfter > backoff ? retryAfter.Value : backoff);
        logger.LogWarning("Request {Reference} not delivered by {Target} ({Failure}); attempt {Attempt}, next at {NextAttempt:O}.", request.Reference, target, failure, delivery.Attempts, delivery.NextAttemptUtc);
        Telemetry.HostTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("jepbot.target", target));
        System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent("retry", tags: new System.Diagnostics.ActivityTagsCollection { ["jepbot.reference"] = request.Reference, ["jepbot.target"] = target, ["jepbot.failure"] = failure, ["jepbot.attempt"] = delivery.Attempts }));
    }

    /// <summary>
    /// Saves the delivery state. When an advisor changed the request in between (it can be claimed the moment its card
    /// appears), their status stands and only the delivery facts are merged in: a lost save would deliver it twice.
    /// </summary>
    private async Task SaveAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.UpdateAsync(request, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HandoffConflictException) when (attempt < 10)
            {
                var current = await store.GetAsync(request.Reference, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    return;
                }

                current.Delivery = request.Delivery;
                current.EmailCopy = request.EmailCopy;
                request = current;
            }
        }
    }

    private static TimeSpan? RetryAfter(ErrorResponseException exception)
    {
        if (exception.Response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || exception.Response.Headers is null
            || !exception.Response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when - DateTimeOffset.UtcNow
            : null;
    }
}
