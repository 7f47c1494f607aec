using JepBot.Dialogs.Handoff;
using JepBot.Storage;
using JepBot.Tests.Contracts;
using JepBot.Tests.Support;

namespace JepBot.Tests.Storage;

public sealed class SqliteHandoffStoreTests : HandoffStoreContractTests
{
    private readonly string _path = BotHost.NewDatabasePath();

    protected override IHandoffStore Create() => new SqliteHandoffStore(_path);

    protected override IHandoffStore Reopen() => new SqliteHandoffStore(_path);
}
