using JepBot.Dialogs.Installations;
using JepBot.Storage;
using JepBot.Tests.Contracts;
using JepBot.Tests.Support;

namespace JepBot.Tests.Storage;

public sealed class SqliteInstallationStoreTests : InstallationStoreContractTests
{
    private readonly string _path = BotHost.NewDatabasePath();

    protected override IInstallationStore Create() => new SqliteInstallationStore(_path);

    protected override IInstallationStore Reopen() => new SqliteInstallationStore(_path);
}
