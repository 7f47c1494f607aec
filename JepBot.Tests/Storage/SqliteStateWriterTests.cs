using JepBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Storage;

/// <summary>
/// The group commit behind <see cref="SqliteStorage"/>: concurrent turns share a transaction, yet each turn's
/// ETag check and outcome stay its own.
/// </summary>
public sealed class SqliteStateWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jepbot-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteStorage _storage;

    public SqliteStateWriterTests() => _storage = new SqliteStorage(Path.Combine(_directory, "state.db"));

    public void Dispose()
    {
        _storage.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_turn_with_a_stale_etag_fails_alone_and_the_rest_of_its_batch_is_committed()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["shared"] = new JObject { ["v"] = 1, ["eTag"] = "*" } });
        var stored = (JObject)(await _storage.ReadAsync(["shared"]))["shared"];
        var current = (string)stored["eTag"]!;
        var batch = new List<SqliteStateWriter.Request>
        {
            Request(("a", null, """{"v":"a"}""")),
            Request(("shared", "not-the-stored-etag", """{"v":"stale"}"""), ("b", null, """{"v":"b"}""")),
            Request(("shared", current, """{"v":"fresh"}""")),
            Request(("c", "*", """{"v":"c"}""")),
        };

        _storage.Writer.CommitBatch(batch);

        await batch[0].Completion.Task;
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => batch[1].Completion.Task);
        Assert.Single(await batch[2].Completion.Task);
        await batch[3].Completion.Task;
        var items = await _storage.ReadAsync(["a", "b", "c", "shared"]);
        Assert.Equal(["a", "c", "shared"], items.Keys.Order());
        Assert.Equal("fresh", (string)((JObject)items["shared"])["v"]!);
        Assert.Equal((await batch[2].Completion.Task)[0], (string)((JObject)items["shared"])["eTag"]!);
    }

    [Fact]
    public async Task Two_turns_in_one_batch_with_the_same_etag_for_one_key_cannot_both_win()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["conv"] = new JObject { ["turn"] = 0, ["eTag"] = "*" } });
        var etag = (string)((JObject)(await _storage.ReadAsync(["conv"]))["conv"])["eTag"]!;
        var batch = new List<SqliteStateWriter.Request> { Request(("conv", etag, """{"turn":1}""")), Request(("conv", etag, """{"turn":2}""")) };

        _storage.Writer.CommitBatch(batch);

        await batch[0].Completion.Task;
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => batch[1].Completion.Task);
        Assert.Equal(1, (int)((JObject)(await _storage.ReadAsync(["conv"]))["conv"])["turn"]!);
    }

    [Fact]
    public async Task A_turn_cancelled_before_its_batch_runs_is_not_written()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var batch = new List<SqliteStateWriter.Request> { Request(cancelled.Token, ("gone", "*", "{}")), Request(("kept", "*", "{}")) };

        _storage.Writer.CommitBatch(batch);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch[0].Completion.Task);
        await batch[1].Completion.Task;
        Assert.Equal(["kept"], (await _storage.ReadAsync(["gone", "kept"])).Keys);
    }

    [Fact]
    public async Task Turns_that_queue_up_while_the_file_is_busy_are_committed_together()
    {
        const int turns = 400;
        var before = _storage.Commits;
        List<Task> writes;
        using (var other = new SqliteConnection($"Data Source={_storage.Path}"))
        {
            // Another writer holds the file, so the turns pile up behind the first one.
            other.Open();
            using var hold = other.BeginTransaction(deferred: false);
            writes = Enumerable.Range(0, turns)
                .Select(i => _storage.WriteAsync(new Dictionary<string, object> { ["k" + i] = new Dictionary<string, object> { ["n"] = i } }))
                .ToList();
            await Task.Delay(200);
            Assert.All(writes, w => Assert.False(w.IsCompleted));
            hold.Rollback();
        }

        await Task.WhenAll(writes);

        var items = await _storage.ReadAsync(Enumerable.Range(0, turns).Select(i => "k" + i).ToArray());
        Assert.Equal(turns, items.Count);
        Assert.All(Enumerable.Range(0, turns), i => Assert.Equal(i, (int)((JObject)items["k" + i])["n"]!));
        var commits = _storage.Commits - before;
        Assert.InRange(commits, 1, 1 + (int)Math.Ceiling(turns / (double)SqliteStateWriter.MaxBatch));
    }

    [Fact]
    public async Task Writing_after_the_store_was_closed_fails_clearly()
    {
        _storage.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            _storage.WriteAsync(new Dictionary<string, object> { ["late"] = new JObject() }));
    }

    [Fact]
    public async Task A_database_error_fails_every_turn_of_the_batch_and_commits_none_of_it()
    {
        using (var connection = new SqliteConnection($"Data Source={_storage.Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER refuse_poison BEFORE INSERT ON state WHEN NEW.key = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END;";
            command.ExecuteNonQuery();
        }

        var batch = new List<SqliteStateWriter.Request> { Request(("fine", "*", "{}")), Request(("poison", "*", "{}")) };

        _storage.Writer.CommitBatch(batch);

        await Assert.ThrowsAsync<SqliteException>(() => batch[0].Completion.Task);
        await Assert.ThrowsAsync<SqliteException>(() => batch[1].Completion.Task);
        Assert.Empty(await _storage.ReadAsync(["fine", "poison"]));

        // The writer recovers: the next turn lands.
        await _storage.WriteAsync(new Dictionary<string, object> { ["after"] = new JObject { ["ok"] = true } });
        Assert.Single(await _storage.ReadAsync(["after"]));
    }

    private static SqliteStateWriter.Request Request(params (string Key, string? ETag, string Json)[] rows) => Request(CancellationToken.None, rows);

    private static SqliteStateWriter.Request Request(CancellationToken cancellationToken, params (string Key, string? ETag, string Json)[] rows) =>
        new(rows.Select(r => new SqliteStateWriter.StateRow(r.Key, r.ETag, r.Json)).ToList(), cancellationToken);
}
