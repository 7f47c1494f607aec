using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Handoff;

public enum RequestKind
{
    /// <summary>A municipality asks for a werkatelier (reference WA-yyyy-nnnn).</summary>
    Werkatelier,

    /// <summary>A professional asks to be contacted by a JEP advisor (reference AV-yyyy-nnnn).</summary>
    Advisor,
}

public enum RequestStatus
{
    Open,
    Claimed,
    Resolved,
}

/// <summary>
/// A request handed off to the advisors. Stored before anything is delivered; the outbox delivers it to the
/// advisors' channel and retries until that works. Free text in <see cref="Fields"/> is already redacted.
/// </summary>
public sealed class HandoffRequest
{
    /// <summary>Readable and unique, e.g. WA-2026-0042; assigned by the store.</summary>
    public string Reference { get; set; } = "";

    public RequestKind Kind { get; set; }

    /// <summary>Travels in the card's submit data: the same submit twice creates one request.</summary>
    public string IdempotencyKey { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }

    public RequestStatus Status { get; set; }

    public string? ClaimedBy { get; set; }

    public string? ClaimedById { get; set; }

    public DateTimeOffset? ClaimedUtc { get; set; }

    public DateTimeOffset? ResolvedUtc { get; set; }

    /// <summary>What the requester entered, by field id (redacted free text; the requester's own contact details).</summary>
    public JObject Fields { get; set; } = [];

    /// <summary>Shown on the ticket; the decision record when the professional opted in.</summary>
    public string? Attachment { get; set; }

    public string Language { get; set; } = "nl";

    public string? RequesterName { get; set; }

    /// <summary>Teams user id, for the chat deep link on the ticket.</summary>
    public string? RequesterId { get; set; }

    /// <summary>Where to tell the requester that the request was claimed or resolved.</summary>
    public ConversationReference? RequesterConversation { get; set; }

    /// <summary>Delivery to the advisors' channel.</summary>
    public DeliveryState Delivery { get; set; } = new();

    /// <summary>The e-mail copy to the configured mailbox; null while none is wanted (no mailbox configured).</summary>
    public DeliveryState? EmailCopy { get; set; }

    /// <summary>Nothing left for the outbox: in the channel, and e-mailed when a copy is wanted.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public bool FullyDelivered => Delivery.Delivered && EmailCopy is not { Delivered: false };

    /// <summary>When the outbox should next look at this request: the earliest pending target's next attempt.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public DateTimeOffset NextAttemptUtc => new[] { Delivery, EmailCopy }
        .Where(d => d is { Delivered: false })
        .Select(d => d!.NextAttemptUtc)
        .DefaultIfEmpty(Delivery.NextAttemptUtc)
        .Min();

    /// <summary>Optimistic concurrency: an update with an older ETag fails.</summary>
    public string? ETag { get; set; }
}

/// <summary>Where the request is in the outbox, for one target (the channel or the e-mail copy).</summary>
public sealed class DeliveryState
{
    public bool Delivered { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptUtc { get; set; }

    /// <summary>A status such as "429" or "no channel registered"; never message text.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredUtc { get; set; }

    /// <summary>Channel only: the thread in the advisors' channel and the card's activity id there, for updating the card.</summary>
    public string? ConversationId { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}

/// <summary>The advisors' channel the requests go to, registered by a command in that channel.</summary>
public sealed class AdvisorChannel
{
    public ConversationReference Reference { get; set; } = new();

    /// <summary>The Teams channel id (19:…@thread…) new threads are started in.</summary>
    public string ChannelId { get; set; } = "";

    public string? TeamId { get; set; }

    public DateTimeOffset RegisteredUtc { get; set; }
}
