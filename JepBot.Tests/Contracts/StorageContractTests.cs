using JepBot.Storage;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Contracts;

/// <summary>
/// What every JepBot <see cref="IStorage"/> must do, whatever it stores on. A store's test class derives from
/// this and says how to create it and how to open it again (a restart); every test then runs against it.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private readonly List<IStorage> _opened = [];

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IStorage> CreateStorageAsync();

    /// <summary>A second instance over the same data, as after a process restart or on another host.</summary>
    protected abstract Task<IStorage> ReopenAsync();

    protected IStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync() => Storage = Track(await CreateStorageAsync());

    public virtual Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            (storage as IDisposable)?.Dispose();
        }

        return Task.CompletedTask;
    }

    protected IStorage Track(IStorage storage)
    {
        _opened.Add(storage);
        return storage;
    }

    [Fact]
    public async Task Retention_deletes_state_last_written_before_the_cutoff_and_keeps_the_rest()
    {
        var retention = Assert.IsAssignableFrom<JepBot.Retention.IStateRetention>(Storage);
        await Storage.WriteAsync(new Dictionary<string, object> { ["old/conversation"] = new JObject { ["v"] = 1, ["eTag"] = "*" } });

        var keptByAnEarlierCutoff = await retention.DeleteStateUnchangedSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
        var deletedByALaterCutoff = await retention.DeleteStateUnchangedSinceAsync(DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);

        Assert.Equal(0, keptByAnEarlierCutoff);
        Assert.Equal(1, deletedByALaterCutoff);
        Assert.Empty(await Storage.ReadAsync(["old/conversation"]));
    }

    [Fact]
    public async Task Reading_a_missing_key_returns_nothing()
    {
        var items = await Storage.ReadAsync(["nobody-wrote-this"], CancellationToken.None);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Written_values_read_back_with_their_content_and_an_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k1"] = new Note { Text = "één", Count = 3 } }, CancellationToken.None);

        var item = (JObject)(await Storage.ReadAsync(["k1"], CancellationToken.None))["k1"];

        Assert.Equal("één", (string?)item["Text"]);
        Assert.Equal(3, (int?)item["Count"]);
        Assert.False(string.IsNullOrEmpty((string?)item["eTag"]));
    }

    [Fact]
    public async Task Several_keys_are_written_and_read_in_one_call_and_missing_ones_are_left_out()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "A" }, ["b"] = new Note { Text = "B" } }, CancellationToken.None);

        var items = await Storage.ReadAsync(["a", "b", "c"], CancellationToken.None);

        Assert.Equal(["a", "b"], items.Keys.Order());
        Assert.Equal("B", (string?)((JObject)items["b"])["Text"]);
    }

    [Fact]
    public async Task Keys_with_slashes_colons_and_unicode_are_kept_apart()
    {
        string[] keys = ["msteams/conversations/19:abc@thread.tacv2", "msteams/users/29:1-ü", "msteams/conversations/19:abc@thread.tacv2;messageid=1"];
        await Storage.WriteAsync(keys.ToDictionary(k => k, k => (object)new Note { Text = k }), CancellationToken.None);

        var items = await Storage.ReadAsync(keys, CancellationToken.None);

        Assert.All(keys, k => Assert.Equal(k, (string?)((JObject)items[k])["Text"]));
    }

    [Fact]
    public async Task Star_overwrites_whatever_is_stored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, CancellationToken.None);

        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "second", ETag = "*" } }, CancellationToken.None);

        Assert.Equal("second", await TextOfAsync("k"));
    }

    [Fact]
    public async Task Star_also_creates()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["new"] = new Note { Text = "x", ETag = "*" } }, CancellationToken.None);

        Assert.Equal("x", await TextOfAsync("new"));
    }

    [Fact]
    public async Task Writing_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } }, CancellationToken.None);
        var read = (JObject)(await Storage.ReadAsync(["k"], CancellationToken.None))["k"];
        var before = (string?)read["eTag"];

        read["Text"] = "v2";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = read }, CancellationToken.None);

        var after = (JObject)(await Storage.ReadAsync(["k"], CancellationToken.None))["k"];
        Assert.Equal("v2", (string?)after["Text"]);
        Assert.NotEqual(before, (string?)after["eTag"]);
    }

    [Fact]
    public async Task A_stale_etag_fails_with_a_precondition_error_and_changes_nothing()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } }, CancellationToken.None);
        var staleCopy = (JObject)(await Storage.ReadAsync(["k"], CancellationToken.None))["k"];
        var freshCopy = (JObject)staleCopy.DeepClone();
        freshCopy["Text"] = "v2";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = freshCopy }, CancellationToken.None);

        staleCopy["Text"] = "lost update";
        var error = await Assert.ThrowsAsync<StoragePreconditionFailedException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["k"] = staleCopy }, CancellationToken.None));

        Assert.Equal("k", error.Key);
        Assert.DoesNotContain("lost update", error.Message);
        Assert.Equal("v2", await TextOfAsync("k"));
    }

    [Fact]
    public async Task An_etag_for_a_key_that_does_not_exist_fails()
    {
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["gone"] = new Note { Text = "x", ETag = "some-old-etag" } }, CancellationToken.None));

        Assert.Empty(await Storage.ReadAsync(["gone"], CancellationToken.None));
    }

    [Fact]
    public async Task Without_an_etag_a_write_only_creates_and_never_overwrites()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "first" } }, CancellationToken.None);

        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "second" } }, CancellationToken.None));

        Assert.Equal("first", await TextOfAsync("k"));
    }

    [Fact]
    public async Task A_failing_write_in_a_batch_leaves_the_other_keys_of_that_batch_unwritten()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["taken"] = new Note { Text = "keep" } }, CancellationToken.None);

        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => Storage.WriteAsync(
            new Dictionary<string, object> { ["fresh"] = new Note { Text = "x" }, ["taken"] = new Note { Text = "overwrite?" } },
            CancellationToken.None));

        Assert.Empty(await Storage.ReadAsync(["fresh"], CancellationToken.None));
        Assert.Equal("keep", await TextOfAsync("taken"));
    }

    [Fact]
    public async Task After_a_write_the_new_etag_is_in_the_written_object_so_it_can_be_saved_again()
    {
        var note = new Note { Text = "v1" };
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = note }, CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(note.ETag));

        note.Text = "v2";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = note }, CancellationToken.None);

        Assert.Equal("v2", await TextOfAsync("k"));
    }

    [Fact]
    public async Task Bot_state_round_trips_through_BotState_and_saves_twice_in_one_turn()
    {
        var state = new ConversationState(Storage);
        var accessor = state.CreateProperty<Note>("note");
        var context = Contexts.For("conv-1");

        await accessor.SetAsync(context, new Note { Text = "hallo" });
        await state.SaveChangesAsync(context, force: true);
        await state.SaveChangesAsync(context, force: true);

        var reopened = new ConversationState(Track(await ReopenAsync()));
        var stored = await reopened.CreateProperty<JObject>("note").GetAsync(Contexts.For("conv-1"), () => new JObject());
        Assert.Equal("hallo", (string?)stored["Text"]);
    }

    [Fact]
    public async Task Deleted_keys_are_gone_and_deleting_a_missing_key_is_fine()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "A" }, ["b"] = new Note { Text = "B" } }, CancellationToken.None);

        await Storage.DeleteAsync(["a", "never-there"], CancellationToken.None);

        var items = await Storage.ReadAsync(["a", "b"], CancellationToken.None);
        Assert.Equal(["b"], items.Keys);
    }

    [Fact]
    public async Task A_deleted_key_can_be_created_again_without_an_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "old" } }, CancellationToken.None);
        await Storage.DeleteAsync(["k"], CancellationToken.None);

        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "new" } }, CancellationToken.None);

        Assert.Equal("new", await TextOfAsync("k"));
    }

    [Fact]
    public async Task Concurrent_writers_on_one_key_exactly_one_wins_per_round()
    {
        const int writers = 8;
        const int rounds = 10;
        await Storage.WriteAsync(new Dictionary<string, object> { ["contested"] = new Note { Text = "start", Count = 0 } }, CancellationToken.None);
        var others = new List<IStorage>();
        for (var i = 0; i < writers; i++)
        {
            others.Add(Track(await ReopenAsync()));
        }

        for (var round = 1; round <= rounds; round++)
        {
            // Every writer reads the same version, then all try to write on it at once.
            var copies = await Task.WhenAll(others.Select(async s => (JObject)(await s.ReadAsync(["contested"], CancellationToken.None))["contested"]));
            Assert.Single(copies.Select(c => (string?)c["eTag"]).Distinct());
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = others.Select((store, writer) => Task.Run(async () =>
            {
                var copy = copies[writer];
                copy["Text"] = $"writer {writer}";
                copy["Count"] = round;
                await go.Task;
                try
                {
                    await store.WriteAsync(new Dictionary<string, object> { ["contested"] = copy }, CancellationToken.None);
                    return writer;
                }
                catch (StoragePreconditionFailedException)
                {
                    return -1;
                }
            })).ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            var winner = Assert.Single(outcomes, o => o >= 0);
            var stored = (JObject)(await Storage.ReadAsync(["contested"], CancellationToken.None))["contested"];
            Assert.Equal($"writer {winner}", (string?)stored["Text"]);
            Assert.Equal(round, (int?)stored["Count"]);
        }
    }

    [Fact]
    public async Task Data_survives_reopening_the_store()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "durable", Count = 7 } }, CancellationToken.None);
        var etag = (string?)((JObject)(await Storage.ReadAsync(["k"], CancellationToken.None))["k"])["eTag"];
        (Storage as IDisposable)?.Dispose();

        var reopened = Track(await ReopenAsync());
        var item = (JObject)(await reopened.ReadAsync(["k"], CancellationToken.None))["k"];

        Assert.Equal("durable", (string?)item["Text"]);
        Assert.Equal(7, (int?)item["Count"]);
        Assert.Equal(etag, (string?)item["eTag"]);
    }

    [Fact]
    public async Task Stored_json_never_names_dotnet_types()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } }, CancellationToken.None);

        var item = (JObject)(await Storage.ReadAsync(["k"], CancellationToken.None))["k"];

        Assert.DoesNotContain("$type", item.ToString());
    }

    private async Task<string?> TextOfAsync(string key) =>
        (string?)((JObject)(await Storage.ReadAsync([key], CancellationToken.None))[key])["Text"];

    /// <summary>A stored item as state code writes it.</summary>
    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }
}
