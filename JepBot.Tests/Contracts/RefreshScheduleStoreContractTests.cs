using JepBot.Refresh;

namespace JepBot.Tests.Contracts;

/// <summary>What every refresh schedule store must do: store and list schedules, and refuse a write on a stale version.</summary>
public abstract class RefreshScheduleStoreContractTests
{
    protected abstract IRefreshScheduleStore Create();

    protected abstract IRefreshScheduleStore Reopen();

    private static RefreshSchedule Schedule(string team) => new()
    {
        TeamId = team,
        TenantId = "tenant-1",
        ChannelConversationId = team,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Enabled = true,
        Frequency = RefreshFrequency.Weekly,
        Language = "en",
        NextItem = 3,
        PostedPeriod = "2026-W47",
        UpdatedUtc = DateTimeOffset.Parse("2026-11-24T10:00:00Z"),
    };

    [Fact]
    public async Task A_new_schedule_is_written_once_and_read_back_whole_after_a_reopen()
    {
        var store = Create();

        var version = await store.TryWriteAsync(Schedule("19:team-a@thread.tacv2"), null, CancellationToken.None);
        var second = await store.TryWriteAsync(Schedule("19:team-a@thread.tacv2"), null, CancellationToken.None);
        var read = await Reopen().GetAsync("19:team-a@thread.tacv2", CancellationToken.None);

        Assert.NotNull(version);
        Assert.Null(second);
        Assert.NotNull(read);
        Assert.Equal(version, read!.Version);
        Assert.Equal(RefreshFrequency.Weekly, read.Schedule.Frequency);
        Assert.Equal(("en", 3, "2026-W47", true), (read.Schedule.Language, read.Schedule.NextItem, read.Schedule.PostedPeriod, read.Schedule.Enabled));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T10:00:00Z"), read.Schedule.UpdatedUtc);
    }

    [Fact]
    public async Task A_write_on_the_current_version_lands_and_one_on_an_old_version_does_not()
    {
        var store = Create();
        var first = await store.TryWriteAsync(Schedule("team-b"), null, CancellationToken.None);
        var changed = Schedule("team-b");
        changed.ClaimedPeriod = "2026-W48";

        var second = await store.TryWriteAsync(changed, first, CancellationToken.None);
        var stale = Schedule("team-b");
        stale.Enabled = false;
        var refused = await store.TryWriteAsync(stale, first, CancellationToken.None);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Null(refused);
        var read = (await store.GetAsync("team-b", CancellationToken.None))!;
        Assert.True(read.Schedule.Enabled);
        Assert.Equal("2026-W48", read.Schedule.ClaimedPeriod);
    }

    [Fact]
    public async Task Of_two_writers_on_the_same_version_exactly_one_wins()
    {
        var store = Create();
        var version = await store.TryWriteAsync(Schedule("team-c"), null, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.TryWriteAsync(Schedule("team-c"), version, CancellationToken.None)));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Lists_every_schedule_and_misses_nothing_unknown()
    {
        var store = Create();
        var version = await store.TryWriteAsync(Schedule("team-2"), null, CancellationToken.None);
        await store.TryWriteAsync(Schedule("team-1"), null, CancellationToken.None);

        var all = await store.ListAsync(CancellationToken.None);

        Assert.Equal(["team-1", "team-2"], all.Select(s => s.Schedule.TeamId));
        Assert.Null(await store.GetAsync("team-unknown", CancellationToken.None));
        // A version (of another team's row) for a team that has none: nothing to update.
        Assert.Null(await store.TryWriteAsync(Schedule("team-unknown"), version, CancellationToken.None));
        Assert.Null(await store.GetAsync("team-unknown", CancellationToken.None));
    }
}
