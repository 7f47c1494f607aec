using JepBot.Dialogs.Insight;
using JepBot.Insight;
using JepBot.Storage;
using JepBot.Tests.Contracts;
using JepBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace JepBot.Tests.Storage;

public sealed class SqliteInsightStoreTests : InsightStoreContractTests
{
    private readonly string _path = BotHost.NewDatabasePath();

    protected override IReadOnlySet<string> AllowedColumns { get; } = new HashSet<string> { "municipality", "month", "metric", "key", "count" };

    protected override IInsightStore Create() => new SqliteInsightStore(_path);

    protected override IInsightStore Reopen() => new SqliteInsightStore(_path);

    protected override Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RawRowsAsync() => ReadRawRowsAsync(_path);

    /// <summary>Every row of the insight table, every column, as SQLite returns it (also used by the tests over HTTP).</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadRawRowsAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM insight_counts;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    protected override void AssertOnlyCounterValues(IReadOnlyDictionary<string, object?> row) => AssertCounterRow(row, InsightCatalog.Default);

    /// <summary>A raw row holds a team id, a month, a known metric, a content id of the right kind (or nothing) and a positive count.</summary>
    public static void AssertCounterRow(IReadOnlyDictionary<string, object?> row, InsightCatalog catalog)
    {
        Assert.Equal(["count", "key", "metric", "month", "municipality"], row.Keys.Order());
        Assert.Matches("^19:[^ ]+@thread\\.(tacv2|skype)$", Assert.IsType<string>(row["municipality"]));
        Assert.Matches("^[0-9]{4}-(0[1-9]|1[0-2])$", Assert.IsType<string>(row["month"]));
        Assert.True(InsightMetrics.TryParse(Assert.IsType<string>(row["metric"]), out var metric));
        Assert.True(catalog.Allows(InsightEvent.Of(metric, Assert.IsType<string>(row["key"]))), $"{row["metric"]}:{row["key"]} is not a content id of its kind");
        Assert.True(Assert.IsType<long>(row["count"]) > 0);
    }
}
