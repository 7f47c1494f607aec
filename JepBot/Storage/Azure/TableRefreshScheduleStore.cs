using Azure;
using Azure.Data.Tables;
using JepBot.Refresh;
using Newtonsoft.Json;

namespace JepBot.Storage.Azure;

/// <summary>
/// Refresh schedules in the installations table, partition "refresh" (a schedule belongs with its team, and a few
/// hundred rows need no table of their own): the row key the encoded team id, the schedule as JSON, the entity's
/// ETag as the version for conditional writes.
/// </summary>
public sealed class TableRefreshScheduleStore(TableClient table) : IRefreshScheduleStore
{
    private const string Partition = "refresh";

    public TableClient Table { get; } = table;

    public async Task<VersionedSchedule?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row(teamId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<VersionedSchedule>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<VersionedSchedule>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return [.. result.OrderBy(s => s.Schedule.TeamId, StringComparer.Ordinal)];
    }

    public async Task<string?> TryWriteAsync(RefreshSchedule schedule, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(schedule.TeamId);
        var entity = new TableEntity(Partition, Row(schedule.TeamId));
        TableJson.Write(entity, JsonConvert.SerializeObject(schedule, SqliteRefreshScheduleStore.Json));
        try
        {
            var response = expectedVersion is null
                ? await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await Table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    private static string Row(string teamId) => StorageKeyEncoding.Encode(teamId, StorageKeyEncoding.MaxTableKey);

    private static VersionedSchedule FromEntity(TableEntity entity) =>
        new(JsonConvert.DeserializeObject<RefreshSchedule>(TableJson.Read(entity), SqliteRefreshScheduleStore.Json)!, entity.ETag.ToString());
}
