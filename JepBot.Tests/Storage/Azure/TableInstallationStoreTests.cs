using Azure.Data.Tables;
using JepBot.Dialogs.Installations;
using JepBot.Storage.Azure;
using JepBot.Tests.Contracts;

namespace JepBot.Tests.Storage.Azure;

/// <summary>The installation store contract on Azure Table storage (Azurite), each test in a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableInstallationStoreTests(AzuriteFixture azurite) : InstallationStoreContractTests, IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.NewName();

    public Task InitializeAsync() => new TableInstallationStore(azurite.Tables.GetTableClient(_table)).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IInstallationStore Create() => new TableInstallationStore(azurite.Tables.GetTableClient(_table));

    protected override IInstallationStore Reopen() => new TableInstallationStore(new TableServiceClient(azurite.ConnectionString).GetTableClient(_table));
}
