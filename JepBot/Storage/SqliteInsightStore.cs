using JepBot.Dialogs.Insight;
using JepBot.Insight;

namespace JepBot.Storage;

/// <summary>
/// The insight counters in the same SQLite file as the bot state: one row per (municipality, month, metric, key) with
/// its count, and no other column. An increment is one upsert per counter inside one transaction.
/// </summary>
public sealed class SqliteInsightStore : IInsightStore
{
    private readonly SqliteRecordFile _file;

    public SqliteInsightStore(string path) => _file = new SqliteRecordFile(path, """
            CREATE TABLE IF NOT EXISTS insight_counts (
                municipality TEXT NOT NULL,
                month        TEXT NOT NULL,
                metric       TEXT NOT NULL,
                key          TEXT NOT NULL,
                count        INTEGER NOT NULL,
                PRIMARY KEY (municipality, month, metric, key)
            ) WITHOUT ROWID;
            """);

    public async Task AddAsync(string municipality, string month, IReadOnlyCollection<InsightEvent> events, CancellationToken cancellationToken)
    {
        InsightStoreArguments.Check(municipality, month, events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var counter in events.GroupBy(e => e))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO insight_counts (municipality, month, metric, key, count) VALUES ($municipality, $month, $metric, $key, $add)
                ON CONFLICT (municipality, month, metric, key) DO UPDATE SET count = count + excluded.count;
                """;
            command.Parameters.AddWithValue("$municipality", municipality);
            command.Parameters.AddWithValue("$month", month);
            command.Parameters.AddWithValue("$metric", counter.Key.Metric.StoredName());
            command.Parameters.AddWithValue("$key", counter.Key.Key);
            command.Parameters.AddWithValue("$add", counter.Count());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InsightCount>> ReadAsync(string municipality, IReadOnlyCollection<string> months, CancellationToken cancellationToken)
    {
        foreach (var month in months)
        {
            InsightStoreArguments.CheckMonth(month);
        }

        if (months.Count == 0)
        {
            return [];
        }

        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = months.Distinct(StringComparer.Ordinal).Select((m, i) => (Name: "$m" + i, Month: m)).ToList();
        command.CommandText = $"SELECT month, metric, key, count FROM insight_counts WHERE municipality = $municipality AND month IN ({string.Join(", ", names.Select(n => n.Name))}) ORDER BY month, metric, key;";
        command.Parameters.AddWithValue("$municipality", municipality);
        names.ForEach(n => command.Parameters.AddWithValue(n.Name, n.Month));
        var result = new List<InsightCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A metric this version no longer knows is skipped, not guessed.
            if (InsightMetrics.TryParse(reader.GetString(1), out var metric))
            {
                result.Add(new InsightCount(reader.GetString(0), metric, reader.GetString(2), reader.GetInt64(3)));
            }
        }

        return result;
    }
}
