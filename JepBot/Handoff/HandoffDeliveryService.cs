using System.Globalization;
using System.Net;
using JepBot.Dialogs.Handoff;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace JepBot.Handoff;

/// <summary>
/// The outbox: delivers stored requests to the advisors' channel, and keeps trying until it works. A request that
/// cannot be delivered (no channel registered, 403, 429, 5xx, timeout) stays stored as "not delivered" with its next
/// attempt time: exponential backoff, or the connector's Retry-After when that is longer. After a restart the
/// undelivered requests are simply due again. Logs carry references and statuses only.
/// </summary>
public sealed class HandoffDeliveryService(
    IHandoffStore store,
    AdvisorMessenger messenger,
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

    private async Task DeliverAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var channel = await store.GetAdvisorChannelAsync(cancellationToken).ConfigureAwait(false);
        string? failure;
        TimeSpan? retryAfter = null;
        if (channel is null)
        {
            failure = "no channel registered";
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.DeliveryTimeoutSeconds));
            try
            {
                var (conversationId, activityId) = await messenger.PostTicketAsync(channel, request, timeout.Token).ConfigureAwait(false);
                request.Delivery.Delivered = true;
                request.Delivery.DeliveredUtc = clock.GetUtcNow();
                request.Delivery.ConversationId = conversationId;
                request.Delivery.ActivityId = activityId;
                request.Delivery.ServiceUrl = channel.Reference.ServiceUrl;
                request.Delivery.Attempts++;
                request.Delivery.LastError = null;
                await SaveAsync(request, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Request {Reference} delivered to the advisors' channel (attempt {Attempt}).", request.Reference, request.Delivery.Attempts);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timeout";
            }
            catch (ErrorResponseException exception)
            {
                failure = ((int)exception.Response.StatusCode).ToString(CultureInfo.InvariantCulture);
                retryAfter = RetryAfter(exception);
            }
            catch (HttpRequestException exception)
            {
                failure = exception.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "connection failed";
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Anything else (a bad stored reference, an unexpected connector answer) must not stop the other
                // requests in this round: this one is retried later like any failed delivery.
                failure = exception.GetType().Name;
            }
        }

        request.Delivery.Attempts++;
        request.Delivery.LastError = failure;
        var backoff = TimeSpan.FromSeconds(Math.Min(_options.MaxRetrySeconds, _options.FirstRetrySeconds * Math.Pow(2, Math.Min(request.Delivery.Attempts - 1, 20))));
        request.Delivery.NextAttemptUtc = clock.GetUtcNow() + (retryAfter > backoff ? retryAfter.Value : backoff);
        await SaveAsync(request, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Request {Reference} not delivered ({Failure}); attempt {Attempt}, next at {NextAttempt:O}.", request.Reference, failure, request.Delivery.Attempts, request.Delivery.NextAttemptUtc);
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
