using JepBot.Dialogs.Insight;
using JepBot.Insight;

namespace JepBot.Tests.Contracts;

/// <summary>
/// What every insight store must do: add up counters per (municipality, month, metric, key), keep municipalities and
/// months apart, lose no increment with several writers, refuse anything that is not a counter, keep nothing else.
/// </summary>
public abstract class InsightStoreContractTests
{
    protected const string Zaanstad = "19:zaanstad@thread.tacv2";
    protected const string Ede = "19:ede@thread.tacv2";

    protected abstract IInsightStore Create();

    protected abstract IInsightStore Reopen();

    /// <summary>Every stored row as column name → value, exactly as the store keeps it (no parsing).</summary>
    protected abstract Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RawRowsAsync();

    /// <summary>The only columns a row may have (the store's own bookkeeping included, e.g. Azure's Timestamp).</summary>
    protected abstract IReadOnlySet<string> AllowedColumns { get; }

    private static InsightEvent Started => InsightEvent.Of(InsightMetric.ConcernStarted);

    private static InsightEvent EndedAt(string step) => InsightEvent.Of(InsightMetric.ConcernEndedAt, step);

    [Fact]
    public async Task Counters_add_up_per_municipality_month_metric_and_key_and_survive_reopening()
    {
        var store = Create();
        await store.AddAsync(Zaanstad, "2026-11", [Started, EndedAt("consent")], CancellationToken.None);
        await store.AddAsync(Zaanstad, "2026-11", [Started, Started, EndedAt("consent"), EndedAt("safety")], CancellationToken.None);
        await store.AddAsync(Zaanstad, "2026-10", [Started], CancellationToken.None);
        await store.AddAsync(Ede, "2026-11", [Started], CancellationToken.None);

        var counts = await Reopen().ReadAsync(Zaanstad, ["2026-11", "2026-10"], CancellationToken.None);

        Assert.Equal(
            [("2026-10", InsightMetric.ConcernStarted, "", 1L), ("2026-11", InsightMetric.ConcernEndedAt, "consent", 2L), ("2026-11", InsightMetric.ConcernEndedAt, "safety", 1L), ("2026-11", InsightMetric.ConcernStarted, "", 3L)],
            counts.Select(c => (c.Month, c.Metric, c.Key, c.Count)).OrderBy(c => c.Month).ThenBy(c => c.Item2.StoredName()).ThenBy(c => c.Key));
        Assert.Equal([1L], (await store.ReadAsync(Ede, ["2026-11"], CancellationToken.None)).Select(c => c.Count));
        Assert.Empty(await store.ReadAsync(Ede, ["2026-10", "2026-12"], CancellationToken.None));
        Assert.Empty(await store.ReadAsync("19:nobody@thread.tacv2", ["2026-11"], CancellationToken.None));
        Assert.Empty(await store.ReadAsync(Zaanstad, [], CancellationToken.None));
    }

    [Fact]
    public async Task Several_writers_at_once_lose_no_increment()
    {
        var stores = new[] { Create(), Reopen(), Reopen() };

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            stores[i % stores.Length].AddAsync(Zaanstad, "2026-11", [Started, EndedAt(i % 2 == 0 ? "consent" : "safety")], CancellationToken.None)));

        var counts = (await Create().ReadAsync(Zaanstad, ["2026-11"], CancellationToken.None)).ToDictionary(c => c.Metric.StoredName() + ":" + c.Key, c => c.Count);
        Assert.Equal(24, counts["concern-started:"]);
        Assert.Equal(12, counts["concern-ended-at:consent"]);
        Assert.Equal(12, counts["concern-ended-at:safety"]);
    }

    [Theory]
    [InlineData(Zaanstad, "2026-11-24", "concern-started", "")]               // a day: finer than a month
    [InlineData(Zaanstad, "2026-13", "concern-started", "")]
    [InlineData(Zaanstad, "nov 2026", "concern-started", "")]
    [InlineData("", "2026-11", "concern-started", "")]
    [InlineData(Zaanstad, "2026-11", "concern-ended-at", "Jan de Vries 0612345678")]   // text where a content id belongs
    [InlineData(Zaanstad, "2026-11", "concern-ended-at", "")]                 // a keyed metric without key
    [InlineData(Zaanstad, "2026-11", "concern-started", "consent")]           // a key where none belongs
    public async Task Anything_that_is_not_a_counter_is_refused_and_nothing_of_the_call_is_stored(string municipality, string month, string metric, string key)
    {
        var store = Create();
        Assert.True(InsightMetrics.TryParse(metric, out var parsed));

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(municipality, month, [Started, InsightEvent.Of(parsed, key)], CancellationToken.None));

        Assert.Empty(await RawRowsAsync());
    }

    [Fact]
    public async Task Reading_a_malformed_month_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Create().ReadAsync(Zaanstad, ["2026-11-01"], CancellationToken.None));
    }

    [Fact]
    public async Task Team_ids_with_any_characters_are_kept_apart()
    {
        var store = Create();
        string[] ids = ["19:x@thread.tacv2", "19:x@thread.skype", "19:X@thread.tacv2", "19:a/b#c?d\\e@thread.tacv2"];
        for (var i = 0; i < ids.Length; i++)
        {
            await store.AddAsync(ids[i], "2026-11", [.. Enumerable.Repeat(Started, i + 1)], CancellationToken.None);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i + 1, Assert.Single(await store.ReadAsync(ids[i], ["2026-11"], CancellationToken.None)).Count);
        }
    }

    [Fact]
    public async Task A_stored_row_holds_only_the_municipality_the_month_the_metric_the_key_and_the_count()
    {
        var store = Create();
        await store.AddAsync(Zaanstad, "2026-11", [Started, EndedAt("consent"), InsightEvent.Of(InsightMetric.LegalFrameOpened, "youthWork")], CancellationToken.None);

        var rows = await RawRowsAsync();

        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            var extra = row.Keys.Where(k => !AllowedColumns.Contains(k)).ToList();
            Assert.True(extra.Count == 0, "columns that are not a counter's: " + string.Join(", ", extra));
            AssertOnlyCounterValues(row);
        }
    }

    /// <summary>What a row's values may be: the team id (maybe encoded), the month, a metric name, a content id, a number, and the store's own bookkeeping.</summary>
    protected abstract void AssertOnlyCounterValues(IReadOnlyDictionary<string, object?> row);
}
