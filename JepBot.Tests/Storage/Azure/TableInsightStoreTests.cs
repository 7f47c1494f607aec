using Azure.Data.Tables;
using JepBot.Dialogs.Insight;
using JepBot.Insight;
using JepBot.Storage.Azure;
using JepBot.Tests.Contracts;

namespace JepBot.Tests.Storage.Azure;

/// <summary>The insight store contract on Azure Table storage (Azurite), each test in a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableInsightStoreTests(AzuriteFixture azurite) : InsightStoreContractTests, IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.NewName();

    /// <summary>Ours, and what the Table service adds to every entity (its Timestamp is the time of the row's last change).</summary>
    protected override IReadOnlySet<string> AllowedColumns { get; } = new HashSet<string> { "PartitionKey", "RowKey", "Timestamp", "odata.etag", "Month", "Metric", "Key", "Count" };

    public Task InitializeAsync() => new TableInsightStore(azurite.Tables.GetTableClient(_table)).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IInsightStore Create() => new TableInsightStore(azurite.Tables.GetTableClient(_table));

    protected override IInsightStore Reopen() => new TableInsightStore(new TableServiceClient(azurite.ConnectionString).GetTableClient(_table));

    protected override async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RawRowsAsync()
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var entity in azurite.Tables.GetTableClient(_table).QueryAsync<TableEntity>())
        {
            rows.Add(entity.ToDictionary(p => p.Key, p => (object?)p.Value));
        }

        return rows;
    }

    protected override void AssertOnlyCounterValues(IReadOnlyDictionary<string, object?> row)
    {
        Assert.Equal("19:zaanstad@thread~2Etacv2", row["PartitionKey"]);       // the team id, encoded (StorageKeyEncoding)
        var month = Assert.IsType<string>(row["Month"]);
        var metricName = Assert.IsType<string>(row["Metric"]);
        var key = Assert.IsType<string>(row["Key"]);
        Assert.Equal("2026-11", month);
        Assert.True(InsightMetrics.TryParse(metricName, out var metric));
        Assert.True(InsightCatalog.Default.Allows(InsightEvent.Of(metric, key)));
        Assert.Equal($"{month}:{metricName}:{key}", row["RowKey"]);
        Assert.Equal(1L, row["Count"]);
    }
}
