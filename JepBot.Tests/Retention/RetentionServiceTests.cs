using JepBot.Dialogs.Handoff;
using JepBot.Retention;
using JepBot.Storage;
using JepBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Retention;

/// <summary>The retention job with a fake clock: state goes after 30 days without a turn, resolved requests after 12 months.</summary>
public sealed class RetentionServiceTests : IDisposable
{
    private readonly string _path = BotHost.NewDatabasePath();
    private readonly SqliteStorage _state;
    private readonly SqliteHandoffStore _requests;

    public RetentionServiceTests()
    {
        _state = new SqliteStorage(_path);
        _requests = new SqliteHandoffStore(_path);
    }

    public void Dispose() => _state.Dispose();

    [Theory]
    [InlineData(29, 1)]
    [InlineData(31, 0)]
    public async Task State_is_kept_for_30_days_after_its_last_turn(int daysLater, int left)
    {
        await _state.WriteAsync(new Dictionary<string, object> { ["msteams/conversations/a:1"] = new JObject { ["eTag"] = "*", ["dialogStack"] = new JObject() } });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(daysLater));

        var (states, _) = await Service(clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1 - left, states);
        Assert.Equal(left, (await _state.ReadAsync(["msteams/conversations/a:1"])).Count);
    }

    [Fact]
    public async Task Resolved_requests_are_kept_12_months_and_open_ones_always()
    {
        var resolvedAt = new DateTimeOffset(2025, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var (resolved, _) = await _requests.AddAsync(new HandoffRequest { Kind = RequestKind.Advisor, IdempotencyKey = "r", CreatedUtc = resolvedAt, Delivery = new DeliveryState { NextAttemptUtc = resolvedAt } }, CancellationToken.None);
        resolved.Status = RequestStatus.Resolved;
        resolved.ResolvedUtc = resolvedAt;
        await _requests.UpdateAsync(resolved, CancellationToken.None);
        var (open, _) = await _requests.AddAsync(new HandoffRequest { Kind = RequestKind.Advisor, IdempotencyKey = "o", CreatedUtc = resolvedAt, Delivery = new DeliveryState { NextAttemptUtc = resolvedAt } }, CancellationToken.None);

        var beforeAYear = await Service(new FakeTimeProvider(resolvedAt.AddDays(364))).RunOnceAsync(CancellationToken.None);
        var afterAYear = await Service(new FakeTimeProvider(resolvedAt.AddDays(366))).RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, beforeAYear.Requests);
        Assert.Equal(1, afterAYear.Requests);
        Assert.Null(await _requests.GetAsync(resolved.Reference, CancellationToken.None));
        Assert.NotNull(await _requests.GetAsync(open.Reference, CancellationToken.None));
    }

    [Fact]
    public void The_periods_are_configurable_and_nonsense_is_refused()
    {
        Assert.True(RetentionOptions.IsValid(new RetentionOptions()));
        Assert.Equal((30, 365), (new RetentionOptions().StateDays, new RetentionOptions().ResolvedRequestDays));
        Assert.False(RetentionOptions.IsValid(new RetentionOptions { StateDays = 0 }));
        Assert.False(RetentionOptions.IsValid(new RetentionOptions { IntervalHours = -1 }));
    }

    private RetentionService Service(TimeProvider clock) =>
        new(_state, _requests, Options.Create(new RetentionOptions()), clock, NullLogger<RetentionService>.Instance);
}
