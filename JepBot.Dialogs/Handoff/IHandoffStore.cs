namespace JepBot.Dialogs.Handoff;

/// <summary>
/// Durable storage for requests and the advisors' channel. Implementations: SQLite (the embedded default) and Azure
/// Table storage; both run the same contract tests (JepBot.Tests/Contracts/HandoffStoreContractTests).
/// </summary>
public interface IHandoffStore
{
    /// <summary>
    /// Stores a new request and assigns its reference, or, when a request with the same idempotency key exists,
    /// returns that one unchanged (<c>Created</c> false). Atomic: two calls with one key create one request.
    /// </summary>
    Task<(HandoffRequest Request, bool Created)> AddAsync(HandoffRequest request, CancellationToken cancellationToken);

    Task<HandoffRequest?> GetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The request stored under this idempotency key, or null (a repeated "Versturen" finds its request).</summary>
    Task<HandoffRequest?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Saves changes if nobody else saved since this copy was read; otherwise throws <see cref="HandoffConflictException"/>.</summary>
    Task<HandoffRequest> UpdateAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>Requests with a delivery left (<see cref="HandoffRequest.FullyDelivered"/> false) whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<HandoffRequest>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Requests nobody has claimed yet, and requests with a delivery left.</summary>
    Task<IReadOnlyList<HandoffRequest>> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Every request made by this requester (their Teams/Entra id), oldest first: for "wis mijn gegevens".</summary>
    Task<IReadOnlyList<HandoffRequest>> FindByRequesterAsync(string requesterId, CancellationToken cancellationToken);

    /// <summary>Deletes requests resolved before <paramref name="cutoff"/> (retention); returns how many. Open requests stay.</summary>
    Task<int> DeleteResolvedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task SetAdvisorChannelAsync(AdvisorChannel channel, CancellationToken cancellationToken);

    Task<AdvisorChannel?> GetAdvisorChannelAsync(CancellationToken cancellationToken);
}

/// <summary>Someone else changed the request since it was read (e.g. two advisors claimed it at once).</summary>
public sealed class HandoffConflictException(string reference) : Exception($"Request {reference} was changed by someone else.")
{
    public string Reference { get; } = reference;
}

/// <summary>Tells the delivery service that a new request is waiting, so it does not wait for its next round.</summary>
public interface IDeliveryTrigger
{
    void RequestWaiting();
}
