using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Bot.Builder;

namespace JepBot.Storage.Azure;

/// <summary>
/// Bot state on Azure Blob Storage: one blob per state key in one container, the value as JSON, the blob's own ETag as
/// the item's ETag. Several instances of the bot can share it: the ETag checks run in the storage service.
/// </summary>
/// <remarks>
/// The same rules as <see cref="SqliteStorage"/> (the storage contract tests run against both):
/// <list type="bullet">
/// <item>"*" writes unconditionally (no condition on the upload).</item>
/// <item>No ETag means "this is new": the upload carries If-None-Match: *, so it fails if the blob exists.</item>
/// <item>Any other ETag is sent as If-Match; a mismatch (or a blob that is gone) is a
/// <see cref="StoragePreconditionFailedException"/>.</item>
/// </list>
/// Blob Storage has no transaction over several blobs. A batch of one key (what <see cref="BotState"/> writes) is a
/// single conditional upload. A larger batch checks every precondition before it writes anything, and if a write
/// still fails (another writer got in between) it undoes the writes it already made, each only if nobody wrote over
/// it since. Only a crash during a multi-key batch can leave part of it written.
/// </remarks>
public sealed class BlobStorage(BlobContainerClient container) : IStorage, JepBot.Retention.IStateRetention
{
    public BlobContainerClient Container { get; } = container;

    /// <summary>Creates the container if it is missing (at start-up; the bot needs no other management rights).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var found = await Task.WhenAll(distinct.Select(key => DownloadAsync(key, cancellationToken))).ConfigureAwait(false);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            if (found[i] is { } stored)
            {
                result[distinct[i]] = StateItemJson.FromJson(stored.Json, stored.ETag);
            }
        }

        return result;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
    {
        var items = await ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        return items.ToDictionary(pair => pair.Key, pair => StateItemJson.ToObject<TStoreItem>(pair.Value));
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise everything first: a value that cannot be stored fails the batch before anything is written.
        var rows = changes.Select(change => new Row(change.Key, change.Value, StateItemJson.ReadETag(change.Value), StateItemJson.ToJson(change.Value))).ToList();
        if (rows.Count == 1)
        {
            var row = rows[0];
            StateItemJson.WriteETag(row.Value, await UploadAsync(row.Key, row.Json, Condition(row.Expected), cancellationToken).ConfigureAwait(false));
            return;
        }

        await WriteBatchAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(key =>
            Blob(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Retention: deletes the blobs last written before the cutoff (their Last-Modified, set by the service on every
    /// write), each only if it was not written again since it was listed.
    /// </summary>
    public async Task<int> DeleteStateUnchangedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in Container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Properties.LastModified is not { } modified || modified >= cutoff)
            {
                continue;
            }

            try
            {
                await Container.GetBlobClient(blob.Name).DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = blob.Properties.ETag }, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Deleted meanwhile, or a turn wrote it again: then it is in use.
            }
        }

        return deleted;
    }

    private async Task WriteBatchAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        // What is stored now, to check every precondition before writing and to undo a partial batch.
        var before = await Task.WhenAll(rows.Select(row => DownloadAsync(row.Key, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = rows[i].Expected;
            var holds = expected switch
            {
                "*" => true,
                null or "" => before[i] is null,
                _ => before[i] is { } stored && stored.ETag == expected,
            };
            if (!holds)
            {
                throw new StoragePreconditionFailedException(rows[i].Key);
            }
        }

        var written = new List<(int Index, string ETag)>(rows.Count);
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                written.Add((i, await UploadAsync(rows[i].Key, rows[i].Json, Condition(rows[i].Expected), cancellationToken).ConfigureAwait(false)));
            }
        }
        catch (Exception)
        {
            for (var w = written.Count - 1; w >= 0; w--)
            {
                var (index, etag) = written[w];
                await UndoAsync(rows[index].Key, before[index], etag).ConfigureAwait(false);
            }

            throw;
        }

        foreach (var (index, etag) in written)
        {
            StateItemJson.WriteETag(rows[index].Value, etag);
        }
    }

    /// <summary>Puts back what was there before this batch, unless someone wrote over our write since (then theirs stands).</summary>
    private async Task UndoAsync(string key, Stored? previous, string ourETag)
    {
        var onlyIfOurs = new BlobRequestConditions { IfMatch = new ETag(ourETag) };
        try
        {
            if (previous is null)
            {
                await Blob(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, onlyIfOurs, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await UploadAsync(key, previous.Json, onlyIfOurs, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is RequestFailedException or StoragePreconditionFailedException)
        {
            // Overwritten by another writer in the meantime: their value is the newer one.
        }
    }

    private static BlobRequestConditions? Condition(string? expected) => expected switch
    {
        "*" => null,
        null or "" => new BlobRequestConditions { IfNoneMatch = ETag.All },
        _ => new BlobRequestConditions { IfMatch = new ETag(expected) },
    };

    private async Task<string> UploadAsync(string key, string json, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Blob(key).UploadAsync(BinaryData.FromString(json), new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            }, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException exception) when (IsPreconditionFailure(exception))
        {
            // The message names the key only; the service's own text is not passed on.
            throw new StoragePreconditionFailedException(key);
        }
    }

    /// <summary>
    /// 412 ConditionNotMet (If-Match did not match), 409 BlobAlreadyExists (If-None-Match: * on an existing blob) and
    /// 404 BlobNotFound (If-Match on a blob that is gone). A missing container stays an error of its own.
    /// </summary>
    private static bool IsPreconditionFailure(RequestFailedException exception) =>
        exception.Status == 412
        || exception.Status == 409 && exception.ErrorCode == BlobErrorCode.BlobAlreadyExists.ToString()
        || exception.Status == 404 && exception.ErrorCode == BlobErrorCode.BlobNotFound.ToString();

    private async Task<Stored?> DownloadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Blob(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new Stored(response.Value.Content.ToString(), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException exception) when (exception.Status == 404 && exception.ErrorCode == BlobErrorCode.BlobNotFound.ToString())
        {
            return null;
        }
    }

    private BlobClient Blob(string key) => Container.GetBlobClient(StorageKeyEncoding.Encode(key, StorageKeyEncoding.MaxBlobName));

    private sealed record Row(string Key, object Value, string? Expected, string Json);

    private sealed record Stored(string Json, string ETag);
}
