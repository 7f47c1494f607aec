using Azure.Data.Tables;
using JepBot.Dialogs.Insight;
using JepBot.Insight;

namespace JepBot.Storage.Azure;

/// <summary>
/// The insight counters in an Azure Table: one partition per municipality (the encoded team id), one row per
/// (month, metric, key) with the row key <c>2026-11:concern-ended-at:consent</c>, and the columns Month, Metric, Key and
/// Count. Nothing else is written; Azure adds its own Timestamp (last change) to every row.
/// </summary>
/// <remarks>
/// The counters of one increment are one entity group transaction (all in the municipality's partition): each row is
/// inserted, or replaced under the ETag it was read with. When another instance counted in between, the transaction
/// fails as a whole (409 or 412) and is read and tried again, so no increment is lost or applied twice.
/// </remarks>
public sealed class TableInsightStore(TableClient table) : IInsightStore
{
    private const int MaxAttempts = 30;

    public TableClient Table { get; } = table;

    /// <summary>Creates the table if it is missing (at start-up).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task AddAsync(string municipality, string month, IReadOnlyCollection<InsightEvent> events, CancellationToken cancellationToken)
    {
        InsightStoreArguments.Check(municipality, month, events);
        if (events.Count == 0)
        {
            return;
        }

        // A transaction holds at most 100 rows; a turn counts a handful.
        foreach (var counters in events.GroupBy(e => e).Select(g => (Event: g.Key, Add: (long)g.Count())).Chunk(100))
        {
            await AddAsync(Partition(municipality), month, counters, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddAsync(string partition, string month, (InsightEvent Event, long Add)[] counters, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var actions = new List<TableTransactionAction>();
            foreach (var (counter, add) in counters)
            {
                var row = Row(month, counter);
                var current = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
                var entity = new TableEntity(partition, row)
                {
                    ["Month"] = month,
                    ["Metric"] = counter.Metric.StoredName(),
                    ["Key"] = counter.Key,
                    ["Count"] = (current.HasValue ? current.Value!.GetInt64("Count") ?? 0 : 0) + add,
                };
                actions.Add(current.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, entity));
            }

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance counted in between: read again and add to what it wrote.
                await Task.Delay(Random.Shared.Next(1, 10 * Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<InsightCount>> ReadAsync(string municipality, IReadOnlyCollection<string> months, CancellationToken cancellationToken)
    {
        foreach (var month in months)
        {
            InsightStoreArguments.CheckMonth(month);
        }

        var result = new List<InsightCount>();
        foreach (var month in months.Distinct(StringComparer.Ordinal))
        {
            // Rows "2026-11:…" sort between "2026-11:" and "2026-11;" (';' follows ':').
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(municipality)} and RowKey gt {month + ":"} and RowKey lt {month + ";"}");
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (InsightMetrics.TryParse(entity.GetString("Metric"), out var metric))
                {
                    result.Add(new InsightCount(entity.GetString("Month") ?? month, metric, entity.GetString("Key") ?? "", entity.GetInt64("Count") ?? 0));
                }
            }
        }

        return [.. result.OrderBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.Metric.StoredName(), StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    private static string Partition(string municipality) => StorageKeyEncoding.Encode(municipality, StorageKeyEncoding.MaxTableKey);

    /// <summary>Month, metric and key hold only [0-9A-Za-z_-] (checked before), so they need no encoding; ':' separates them.</summary>
    private static string Row(string month, InsightEvent counter) => $"{month}:{counter.Metric.StoredName()}:{counter.Key}";
}
