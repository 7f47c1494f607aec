using System.Globalization;
using Azure;
using Azure.Data.Tables;
using JepBot.Dialogs.Handoff;
using Newtonsoft.Json;

namespace JepBot.Storage.Azure;

/// <summary>
/// Requests and the advisors' channel in an Azure Table, shared by every instance of the bot.
/// </summary>
/// <remarks>
/// Everything about requests lives in one partition ("requests"), so that storing a request is one atomic Table
/// transaction (an entity group transaction) of three rows:
/// <list type="bullet">
/// <item>"k:&lt;idempotency key&gt;": inserted, so a second request with that key fails the whole transaction;</item>
/// <item>"r:&lt;reference&gt;": the request, its JSON plus the columns the outbox queries on (FullyDelivered,
/// NextAttemptUtc, Status: computed on <see cref="HandoffRequest"/>, so written on every save);</item>
/// <item>"c:WA-2026": the last number of that kind and year, inserted or replaced under its ETag, so two
/// instances can never hand out the same number.</item>
/// </list>
/// A transaction that fails because another instance got in between is simply tried again: it then finds the
/// idempotency key (and returns that request) or the next free number. Updates replace the request under its ETag;
/// a mismatch is a <see cref="HandoffConflictException"/>. The advisors' channel is one row in partition "channel".
/// Keys are encoded (<see cref="StorageKeyEncoding"/>): Table keys forbid / \ # ? and control characters.
/// Requests are a few per day, so one partition is far below its limits, and queries read only it.
/// </remarks>
public sealed class TableHandoffStore(TableClient table) : IHandoffStore
{
    private const string Partition = "requests";
    private const string RequestRows = "r:";
    private const string RequestRowsEnd = "r;";
    private const string KeyRows = "k:";
    private const string CounterRows = "c:";
    private const string ChannelPartition = "channel";
    private const string ChannelRow = "advisors";
    private const int MaxAddAttempts = 30;

    /// <summary>Azure Tables store dates from 1601 on; earlier "next attempt" times mean "due" all the same.</summary>
    private static readonly DateTimeOffset Earliest = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerSettings Json = new() { TypeNameHandling = TypeNameHandling.None, NullValueHandling = NullValueHandling.Ignore };

    public TableClient Table { get; } = table;

    /// <summary>Creates the table if it is missing (at start-up).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task<(HandoffRequest Request, bool Created)> AddAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var keyRow = KeyRows + StorageKeyEncoding.Encode(request.IdempotencyKey, StorageKeyEncoding.MaxTableKey);
        var prefix = (request.Kind == RequestKind.Werkatelier ? "WA" : "AV") + "-" + request.CreatedUtc.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(Partition, keyRow, cancellationToken).ConfigureAwait(false) is { } key)
            {
                var reference = key.GetString("Reference");
                return (await GetAsync(reference, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Idempotency key without its request {reference}."), false);
            }

            var counter = await FindAsync(Partition, CounterRows + prefix, cancellationToken).ConfigureAwait(false);
            var seq = (counter?.GetInt32("Last") ?? 0) + 1;
            var candidate = Clone(request);
            candidate.Reference = $"{prefix}-{seq:0000}";
            var nextCounter = new TableEntity(Partition, CounterRows + prefix) { ["Last"] = seq };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(Partition, keyRow) { ["Reference"] = candidate.Reference }),
                new(TableTransactionActionType.Add, ToEntity(candidate)),
                counter is null
                    ? new(TableTransactionActionType.Add, nextCounter)
                    : new(TableTransactionActionType.UpdateReplace, nextCounter, counter.ETag),
            ];
            try
            {
                var responses = await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                candidate.ETag = responses.Value[1].Headers.ETag?.ToString()
                    ?? (await FindAsync(Partition, RequestRow(candidate.Reference), cancellationToken).ConfigureAwait(false))!.ETag.ToString();
                request.Reference = candidate.Reference;
                request.ETag = candidate.ETag;
                return (Clone(candidate), true);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAddAttempts)
            {
                // Another instance stored a request in between: with this key (found above next time) or this number.
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<HandoffRequest?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var keyRow = KeyRows + StorageKeyEncoding.Encode(idempotencyKey, StorageKeyEncoding.MaxTableKey);
        return await FindAsync(Partition, keyRow, cancellationToken).ConfigureAwait(false) is { } key
            ? await GetAsync(key.GetString("Reference"), cancellationToken).ConfigureAwait(false)
            : null;
    }

    public async Task<HandoffRequest?> GetAsync(string reference, CancellationToken cancellationToken) =>
        await FindAsync(Partition, RequestRow(reference), cancellationToken).ConfigureAwait(false) is { } entity ? FromEntity(entity) : null;

    public async Task<HandoffRequest> UpdateAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var expected = request.ETag ?? throw new ArgumentException("A request must be read before it is updated.", nameof(request));
        var updated = Clone(request);
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(updated), new ETag(expected), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            updated.ETag = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The Table service returned no ETag.");
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // 412: saved by someone else since this copy was read; 404: no such request (never stored, or a forged reference).
            throw new HandoffConflictException(request.Reference);
        }

        request.ETag = updated.ETag;
        return updated;
    }

    public async Task<IReadOnlyList<HandoffRequest>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RequestRows} and RowKey lt {RequestRowsEnd} and FullyDelivered eq {false} and NextAttemptUtc le {Clamp(now)}"),
            cancellationToken).ConfigureAwait(false);
        return [.. due.Take(max)];
    }

    public async Task<IReadOnlyList<HandoffRequest>> OpenAsync(CancellationToken cancellationToken) =>
        await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RequestRows} and RowKey lt {RequestRowsEnd} and (FullyDelivered eq {false} or Status eq {RequestStatus.Open.ToString()})"),
            cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<HandoffRequest>> FindByRequesterAsync(string requesterId, CancellationToken cancellationToken)
    {
        // The requester is inside the JSON only (no column with a person's id); requests are few, so they are read and filtered.
        var all = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RequestRows} and RowKey lt {RequestRowsEnd}"),
            cancellationToken).ConfigureAwait(false);
        return [.. all.Where(r => r.RequesterId == requesterId).OrderBy(r => r.CreatedUtc)];
    }

    public async Task<int> DeleteResolvedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var resolved = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {RequestRows} and RowKey lt {RequestRowsEnd} and Status eq {RequestStatus.Resolved.ToString()}"),
            cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var request in resolved.Where(r => r.ResolvedUtc < cutoff))
        {
            try
            {
                // Only if nobody changed it since it was read (reopened); then its idempotency key row, which without
                // its request would make a repeated submit fail.
                await Table.DeleteEntityAsync(Partition, RequestRow(request.Reference), new ETag(request.ETag!), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                continue;
            }

            var keyRow = KeyRows + StorageKeyEncoding.Encode(request.IdempotencyKey, StorageKeyEncoding.MaxTableKey);
            await Table.DeleteEntityAsync(Partition, keyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        return deleted;
    }

    public async Task SetAdvisorChannelAsync(AdvisorChannel channel, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(ChannelPartition, ChannelRow);
        TableJson.Write(entity, JsonConvert.SerializeObject(channel, Json));
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdvisorChannel?> GetAdvisorChannelAsync(CancellationToken cancellationToken) =>
        await FindAsync(ChannelPartition, ChannelRow, cancellationToken).ConfigureAwait(false) is { } entity
            ? JsonConvert.DeserializeObject<AdvisorChannel>(TableJson.Read(entity), Json)
            : null;

    /// <summary>The matching requests, oldest first (Table results come in key order, so they are sorted here).</summary>
    private async Task<List<HandoffRequest>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var result = new List<HandoffRequest>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return [.. result.OrderBy(r => r.CreatedUtc).ThenBy(r => r.Kind).ThenBy(r => Sequence(r.Reference)).ThenBy(r => r.Reference, StringComparer.Ordinal)];
    }

    private async Task<TableEntity?> FindAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(HandoffRequest request)
    {
        var entity = new TableEntity(Partition, RequestRow(request.Reference))
        {
            ["Reference"] = request.Reference,
            ["Kind"] = request.Kind.ToString(),
            ["Status"] = request.Status.ToString(),
            ["FullyDelivered"] = request.FullyDelivered,
            ["NextAttemptUtc"] = Clamp(request.NextAttemptUtc),
            ["CreatedUtc"] = Clamp(request.CreatedUtc),
        };
        var stored = Clone(request);
        stored.ETag = null;
        TableJson.Write(entity, JsonConvert.SerializeObject(stored, Json));
        return entity;
    }

    private static HandoffRequest FromEntity(TableEntity entity)
    {
        var request = JsonConvert.DeserializeObject<HandoffRequest>(TableJson.Read(entity), Json)!;
        request.ETag = entity.ETag.ToString();
        return request;
    }

    private static string RequestRow(string reference) => RequestRows + StorageKeyEncoding.Encode(reference, StorageKeyEncoding.MaxTableKey);

    /// <summary>The number in "WA-2026-0042", so that 10000 sorts after 9999.</summary>
    private static int Sequence(string reference) =>
        int.TryParse(reference.AsSpan(reference.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    private static DateTimeOffset Clamp(DateTimeOffset value) => value < Earliest ? Earliest : value.ToUniversalTime();

    private static HandoffRequest Clone(HandoffRequest request) =>
        JsonConvert.DeserializeObject<HandoffRequest>(JsonConvert.SerializeObject(request, Json), Json)!;
}
