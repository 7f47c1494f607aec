using Azure.Data.Tables;
using JepBot.Dialogs.Installations;
using Newtonsoft.Json;

namespace JepBot.Storage.Azure;

/// <summary>
/// Team installations in an Azure Table: one row per team in partition "teams", the row key the encoded team id
/// (<see cref="StorageKeyEncoding"/>: Teams ids contain ":" and "@", and a crafted one anything), the tenant in its
/// own column for listing, the record as JSON. A few hundred teams at most, so one partition serves every query.
/// </summary>
public sealed class TableInstallationStore(TableClient table) : IInstallationStore
{
    private const string Partition = "teams";

    private static readonly JsonSerializerSettings Json = new() { TypeNameHandling = TypeNameHandling.None, NullValueHandling = NullValueHandling.Ignore };

    public TableClient Table { get; } = table;

    /// <summary>Creates the table if it is missing (at start-up).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task UpsertAsync(TeamInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(installation.TeamId);
        var entity = new TableEntity(Partition, Row(installation.TeamId)) { ["TenantId"] = installation.TenantId };
        TableJson.Write(entity, JsonConvert.SerializeObject(installation, Json));
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TeamInstallation?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row(teamId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken)
    {
        // The SDK treats "not found" as a successful delete; its status tells whether there was a record.
        var response = await Table.DeleteEntityAsync(Partition, Row(teamId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<TeamInstallation>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var filter = tenantId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and TenantId eq {tenantId}");
        var result = new List<TeamInstallation>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        // Row keys are encoded, so their order is not the team ids' order.
        return [.. result.OrderBy(i => i.TeamId, StringComparer.Ordinal)];
    }

    private static string Row(string teamId) => StorageKeyEncoding.Encode(teamId, StorageKeyEncoding.MaxTableKey);

    private static TeamInstallation FromEntity(TableEntity entity) =>
        JsonConvert.DeserializeObject<TeamInstallation>(TableJson.Read(entity), Json)!;
}
