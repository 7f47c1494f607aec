using JepBot.Dialogs.Content;
using JepBot.Dialogs.Localization;
using JepBot.Refresh;
using JepBot.Storage;
using JepBot.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Refresh;

/// <summary>
/// The knowledge refresh scheduler with a fake clock: due and not due, once per period, after a restart, with two
/// instances on one store, and after a failed post. 24 November 2026 is a Tuesday.
/// </summary>
public sealed class RefreshSchedulerTests
{
    private readonly string _path = BotHost.NewDatabasePath();
    private FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T10:00:00+01:00"));
    private readonly RecordingPoster _poster = new();

    [Theory]
    [InlineData("2026-11-01T08:59:00+01:00", RefreshFrequency.Monthly, false)]
    [InlineData("2026-11-01T09:00:00+01:00", RefreshFrequency.Monthly, true)]
    [InlineData("2026-11-30T23:59:00+01:00", RefreshFrequency.Monthly, true)]
    [InlineData("2026-11-23T08:30:00+01:00", RefreshFrequency.Weekly, false)]
    [InlineData("2026-11-23T09:00:00+01:00", RefreshFrequency.Weekly, true)]
    [InlineData("2026-11-29T22:00:00+01:00", RefreshFrequency.Weekly, true)]
    public async Task A_card_goes_out_from_the_due_day_and_hour_in_Dutch_time(string now, RefreshFrequency frequency, bool posted)
    {
        _clock = new FakeTimeProvider(DateTimeOffset.Parse(now));
        await SwitchOnAsync("team-a", frequency);

        var count = await Scheduler().RunOnceAsync(CancellationToken.None);

        Assert.Equal(posted ? 1 : 0, count);
        Assert.Equal(posted ? 1 : 0, _poster.Posts.Count);
    }

    [Fact]
    public async Task Once_per_period_then_again_in_the_next_one_with_the_next_item()
    {
        await SwitchOnAsync("team-a", RefreshFrequency.Monthly);
        var scheduler = Scheduler();

        await scheduler.RunOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3));
        await scheduler.RunOnceAsync(CancellationToken.None);
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-01T09:05:00+01:00"));
        await scheduler.RunOnceAsync(CancellationToken.None);
        await scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, _poster.Posts.Count);
        var items = RefreshItems.FromContent(LegalFramesValidator.Default, PracticeCasesValidator.Default);
        Assert.Contains(items.At(0).Title.In("nl"), _poster.Posts[0].Text);
        Assert.Contains(items.At(1).Title.In("nl"), _poster.Posts[1].Text);
        Assert.Equal("2026-12", (await Store().GetAsync("team-a", CancellationToken.None))!.Schedule.PostedPeriod);
    }

    [Fact]
    public async Task After_a_restart_a_period_already_posted_is_not_posted_again_and_a_due_one_is()
    {
        await SwitchOnAsync("team-a", RefreshFrequency.Monthly);
        await SwitchOnAsync("team-b", RefreshFrequency.Monthly);
        await Scheduler().RunOnceAsync(CancellationToken.None);
        await SwitchOnAsync("team-c", RefreshFrequency.Weekly);

        // A new process: new scheduler, new store object, same file.
        var restarted = await Scheduler().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, restarted);
        Assert.Equal(["team-a", "team-b", "team-c"], _poster.Posts.Select(p => p.Team));
    }

    [Fact]
    public async Task Two_instances_on_one_store_post_a_due_card_once()
    {
        for (var i = 0; i < 5; i++)
        {
            await SwitchOnAsync("team-" + i, RefreshFrequency.Monthly);
        }

        _poster.Delay = TimeSpan.FromMilliseconds(50);

        var counts = await Task.WhenAll(Scheduler().RunOnceAsync(CancellationToken.None), Scheduler().RunOnceAsync(CancellationToken.None));

        Assert.Equal(5, counts.Sum());
        Assert.Equal(5, _poster.Posts.Count);
        Assert.Equal(5, _poster.Posts.Select(p => p.Team).Distinct().Count());
    }

    [Fact]
    public async Task A_failed_post_is_tried_again_next_round_and_then_counts_once()
    {
        await SwitchOnAsync("team-a", RefreshFrequency.Monthly);
        _poster.FailNext = 1;
        var scheduler = Scheduler();

        var first = await scheduler.RunOnceAsync(CancellationToken.None);
        var second = await scheduler.RunOnceAsync(CancellationToken.None);
        var third = await scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (first, second, third));
        Assert.Single(_poster.Posts);
        Assert.Equal(2, _poster.Attempts);
    }

    [Fact]
    public async Task A_claim_left_by_an_instance_that_died_while_posting_is_not_posted_twice()
    {
        await SwitchOnAsync("team-a", RefreshFrequency.Monthly);
        var store = Store();
        var stored = (await store.GetAsync("team-a", CancellationToken.None))!;
        stored.Schedule.ClaimedPeriod = "2026-11";
        stored.Schedule.ClaimedUntilUtc = _clock.GetUtcNow().AddMinutes(5);
        await store.TryWriteAsync(stored.Schedule, stored.Version, CancellationToken.None);

        var whileClaimed = await Scheduler().RunOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var afterExpiry = await Scheduler().RunOnceAsync(CancellationToken.None);
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-01T10:00:00+01:00"));
        var nextMonth = await Scheduler().RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 0, 1), (whileClaimed, afterExpiry, nextMonth));
    }

    [Fact]
    public void The_items_alternate_practice_cases_and_legal_frame_reminders_and_cover_all_of_both()
    {
        var items = RefreshItems.FromContent(LegalFramesValidator.Default, PracticeCasesValidator.Default).All;

        Assert.Equal(PracticeCasesValidator.Default.Cases.Count + LegalFramesValidator.Default.Topics.Count, items.Count);
        Assert.Equal([RefreshItems.PracticeKind, RefreshItems.LegalFrameKind, RefreshItems.PracticeKind, RefreshItems.LegalFrameKind], items.Take(4).Select(i => i.Kind));
        Assert.All(items.Where(i => i.Kind == RefreshItems.PracticeKind), i => Assert.Equal("oefenen " + i.Id, i.Start));
    }

    [Fact]
    public async Task A_switched_off_channel_gets_nothing()
    {
        await SwitchOnAsync("team-a", RefreshFrequency.Monthly, enabled: false);

        Assert.Equal(0, await Scheduler().RunOnceAsync(CancellationToken.None));
        Assert.Empty(_poster.Posts);
    }

    [Fact]
    public async Task The_card_is_in_the_channels_language_with_a_button_that_continues_in_private()
    {
        await SwitchOnAsync("team-en", RefreshFrequency.Monthly, language: "en");

        await Scheduler().RunOnceAsync(CancellationToken.None);

        var post = Assert.Single(_poster.Posts);
        Assert.Contains("Knowledge refresh", post.Text);
        var first = PracticeCasesValidator.Default.Cases[0];
        Assert.Contains(first.Teaser.In("en"), post.Text);
        Assert.Equal("oefenen " + first.Id, (string?)post.Card.SelectToken("actions[0].data.refresh.start"));
        Assert.Equal("Practise this case in a chat with me", (string?)post.Card.SelectToken("actions[0].title"));
    }

    private SqliteRefreshScheduleStore Store() => new(_path);

    private RefreshScheduler Scheduler() => new(
        Store(),
        _poster,
        RefreshItems.FromContent(LegalFramesValidator.Default, PracticeCasesValidator.Default),
        Localizer.Default,
        Options.Create(new RefreshOptions()),
        _clock,
        NullLogger<RefreshScheduler>.Instance);

    private async Task SwitchOnAsync(string team, RefreshFrequency frequency, bool enabled = true, string language = "nl")
    {
        var schedule = new RefreshSchedule
        {
            TeamId = team, ChannelConversationId = team, ServiceUrl = "http://127.0.0.1:9/", Frequency = frequency, Enabled = enabled, Language = language,
        };
        Assert.NotNull(await Store().TryWriteAsync(schedule, null, CancellationToken.None));
    }

    private sealed class RecordingPoster : IRefreshPoster
    {
        private int _attempts;

        public List<(string Team, JObject Card, string Text)> Posts { get; } = [];

        public int Attempts => _attempts;

        public int FailNext { get; set; }

        public TimeSpan Delay { get; set; }

        public async Task PostAsync(RefreshSchedule schedule, IActivity card, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            await Task.Delay(Delay, cancellationToken);
            if (FailNext > 0)
            {
                FailNext--;
                throw new HttpRequestException("connector down");
            }

            var json = JObject.FromObject(((IMessageActivity)card).Attachments[0].Content);
            lock (Posts)
            {
                Posts.Add((schedule.TeamId, json, json.ToString()));
            }
        }
    }
}
