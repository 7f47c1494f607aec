using Azure.Data.Tables;
using JepBot.Refresh;
using JepBot.Storage.Azure;
using JepBot.Tests.Contracts;

namespace JepBot.Tests.Storage.Azure;

/// <summary>The refresh schedule store contract on Azure Table storage (Azurite), each test in a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRefreshScheduleStoreTests(AzuriteFixture azurite) : RefreshScheduleStoreContractTests, IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.NewName();

    public Task InitializeAsync() => azurite.Tables.GetTableClient(_table).CreateIfNotExistsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IRefreshScheduleStore Create() => new TableRefreshScheduleStore(azurite.Tables.GetTableClient(_table));

    protected override IRefreshScheduleStore Reopen() => new TableRefreshScheduleStore(new TableServiceClient(azurite.ConnectionString).GetTableClient(_table));
}
