using JepBot.Storage;
using JepBot.Tests.Contracts;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace JepBot.Tests.Storage;

/// <summary>The storage contract on the embedded SQLite store, plus what is particular to a file on disk.</summary>
public sealed class SqliteStorageTests : StorageContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jepbot-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "nested", "state.db");

    protected override Task<IStorage> CreateStorageAsync() => Task.FromResult<IStorage>(new SqliteStorage(DatabasePath));

    protected override Task<IStorage> ReopenAsync() => Task.FromResult<IStorage>(new SqliteStorage(DatabasePath));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Creates_the_file_and_its_folders_on_start()
    {
        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public void Runs_in_WAL_mode()
    {
        Assert.Equal("wal", ((SqliteStorage)Storage).JournalMode());
    }

    [Fact]
    public async Task Reports_healthy_while_the_file_is_usable_and_unhealthy_when_it_is_not()
    {
        Assert.True(await ((SqliteStorage)Storage).HealthCheckAsync());

        var notADatabase = Path.Combine(_directory, "garbage.db");
        await File.WriteAllTextAsync(notADatabase, "this is not an SQLite file, it is just text that is long enough to be read as a header");
        var broken = Assert.ThrowsAny<SqliteException>(() => new SqliteStorage(notADatabase));
        Assert.NotNull(broken);
    }

    [Fact]
    public async Task Health_check_fails_when_the_table_has_gone()
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE state;";
            drop.ExecuteNonQuery();
        }

        Assert.False(await ((SqliteStorage)Storage).HealthCheckAsync());
    }

    [Fact]
    public async Task Stores_the_etag_in_its_own_column_not_in_the_json()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } }, CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM state WHERE key = 'k';";
        var json = (string)command.ExecuteScalar()!;

        Assert.Contains("\"Text\":\"x\"", json);
        Assert.DoesNotContain("eTag", json, StringComparison.OrdinalIgnoreCase);
    }
}
