using JepBot.Refresh;
using JepBot.Storage;
using JepBot.Tests.Contracts;
using JepBot.Tests.Support;

namespace JepBot.Tests.Storage;

public sealed class SqliteRefreshScheduleStoreTests : RefreshScheduleStoreContractTests
{
    private readonly string _path = BotHost.NewDatabasePath();

    protected override IRefreshScheduleStore Create() => new SqliteRefreshScheduleStore(_path);

    protected override IRefreshScheduleStore Reopen() => new SqliteRefreshScheduleStore(_path);
}
