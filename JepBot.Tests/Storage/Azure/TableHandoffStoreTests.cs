using Azure.Data.Tables;
using JepBot.Dialogs.Handoff;
using JepBot.Storage.Azure;
using JepBot.Tests.Contracts;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Storage.Azure;

/// <summary>The request store contract on Azure Table storage (Azurite), each test in a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableHandoffStoreTests(AzuriteFixture azurite) : HandoffStoreContractTests, IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.NewName();

    public Task InitializeAsync() => new TableHandoffStore(azurite.Tables.GetTableClient(_table)).EnsureCreatedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IHandoffStore Create() => new TableHandoffStore(azurite.Tables.GetTableClient(_table));

    /// <summary>Another instance: its own client over the same table.</summary>
    protected override IHandoffStore Reopen() => new TableHandoffStore(new TableServiceClient(azurite.ConnectionString).GetTableClient(_table));

    [Fact]
    public async Task Concurrent_requests_from_two_instances_get_distinct_consecutive_numbers()
    {
        var first = Create();
        var second = Reopen();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).AddAsync(Request("key-" + i), CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"WA-2026-{n:0000}"), results.Select(r => r.Request.Reference).Order());
    }

    [Fact]
    public async Task A_request_larger_than_one_table_property_round_trips_and_odd_references_find_nothing()
    {
        var store = Create();
        var request = Request("big");
        request.Attachment = string.Concat(Enumerable.Repeat("Besluit 😀 — ", 7000));

        var stored = (await store.AddAsync(request, CancellationToken.None)).Request;
        var read = await Reopen().GetAsync(stored.Reference, CancellationToken.None);

        Assert.Equal(request.Attachment, read!.Attachment);
        Assert.Null(await store.GetAsync("WA/2026#1?'\\", CancellationToken.None));
        await Assert.ThrowsAsync<HandoffConflictException>(() => store.UpdateAsync(new HandoffRequest { Reference = "AV-1999-0001", ETag = "W/\"x\"" }, CancellationToken.None));
    }

    private static HandoffRequest Request(string key) => new()
    {
        Kind = RequestKind.Werkatelier,
        IdempotencyKey = key,
        CreatedUtc = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        Fields = new JObject { ["municipality"] = "Zaanstad" },
        Delivery = new DeliveryState { NextAttemptUtc = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero) },
    };
}
