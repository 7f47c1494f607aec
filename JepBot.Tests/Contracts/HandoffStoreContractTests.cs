using JepBot.Dialogs.Handoff;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Contracts;

/// <summary>What every request store must do: readable references, idempotent adds, optimistic concurrency, the outbox queries, survive reopening.</summary>
public abstract class HandoffStoreContractTests
{
    protected abstract IHandoffStore Create();

    protected abstract IHandoffStore Reopen();

    private static HandoffRequest NewRequest(string key, RequestKind kind = RequestKind.Werkatelier) => new()
    {
        Kind = kind,
        IdempotencyKey = key,
        CreatedUtc = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        Fields = new JObject { ["municipality"] = "Zaanstad" },
        Delivery = new DeliveryState { NextAttemptUtc = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero) },
    };

    [Fact]
    public async Task References_are_numbered_per_kind_and_year()
    {
        var store = Create();

        var first = (await store.AddAsync(NewRequest("a"), CancellationToken.None)).Request;
        var second = (await store.AddAsync(NewRequest("b"), CancellationToken.None)).Request;
        var advisor = (await store.AddAsync(NewRequest("c", RequestKind.Advisor), CancellationToken.None)).Request;

        Assert.Equal(["WA-2026-0001", "WA-2026-0002", "AV-2026-0001"], new[] { first.Reference, second.Reference, advisor.Reference });
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_request_even_when_added_concurrently()
    {
        var store = Create();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.AddAsync(NewRequest("same"), CancellationToken.None))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Request.Reference).Distinct());
        Assert.Single(await store.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_request_is_found_by_its_idempotency_key_and_an_unknown_key_finds_nothing()
    {
        var store = Create();
        var (stored, _) = await store.AddAsync(NewRequest("Advisor:run-42", RequestKind.Advisor), CancellationToken.None);
        await store.AddAsync(NewRequest("Werkatelier:run-42"), CancellationToken.None);

        var found = await store.FindByIdempotencyKeyAsync("Advisor:run-42", CancellationToken.None);

        Assert.Equal(stored.Reference, found?.Reference);
        Assert.Equal(RequestKind.Advisor, found!.Kind);
        Assert.Null(await store.FindByIdempotencyKeyAsync("Advisor:run-43", CancellationToken.None));
        Assert.Null(await store.FindByIdempotencyKeyAsync("", CancellationToken.None));
    }

    [Fact]
    public async Task Requests_are_found_by_their_requester_and_only_theirs()
    {
        var store = Create();
        foreach (var (key, requester) in new[] { ("k1", "aad-1"), ("k2", "aad-2"), ("k3", "aad-1") })
        {
            var request = NewRequest(key);
            request.RequesterId = requester;
            await store.AddAsync(request, CancellationToken.None);
        }

        var mine = await store.FindByRequesterAsync("aad-1", CancellationToken.None);

        Assert.Equal(["k1", "k3"], mine.Select(r => r.IdempotencyKey));
        Assert.Empty(await store.FindByRequesterAsync("aad-3", CancellationToken.None));
    }

    [Fact]
    public async Task Retention_deletes_requests_resolved_before_the_cutoff_and_their_key_can_be_used_again()
    {
        var store = Create();
        var t0 = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var references = new List<string>();
        foreach (var (key, resolved) in new (string, DateTimeOffset?)[] { ("old", t0), ("recent", t0.AddDays(10)), ("open", null) })
        {
            var (request, _) = await store.AddAsync(NewRequest(key), CancellationToken.None);
            if (resolved is { } at)
            {
                request.Status = RequestStatus.Resolved;
                request.ResolvedUtc = at;
                await store.UpdateAsync(request, CancellationToken.None);
            }

            references.Add(request.Reference);
        }

        var deleted = await store.DeleteResolvedBeforeAsync(t0.AddDays(5), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await store.GetAsync(references[0], CancellationToken.None));
        Assert.NotNull(await store.GetAsync(references[1], CancellationToken.None));
        Assert.NotNull(await store.GetAsync(references[2], CancellationToken.None));
        Assert.Null(await store.FindByIdempotencyKeyAsync("old", CancellationToken.None));
        var (again, created) = await store.AddAsync(NewRequest("old"), CancellationToken.None);
        Assert.True(created);
        Assert.NotEqual(references[0], again.Reference);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_fails_and_exactly_one_concurrent_claim_wins_per_round()
    {
        var store = Create();
        var reference = (await store.AddAsync(NewRequest("k"), CancellationToken.None)).Request.Reference;

        for (var round = 0; round < 10; round++)
        {
            var copies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.GetAsync(reference, CancellationToken.None)));
            var outcomes = await Task.WhenAll(copies.Select((copy, advisor) => Task.Run(async () =>
            {
                copy!.Status = RequestStatus.Claimed;
                copy.ClaimedBy = $"adviseur {advisor}";
                try
                {
                    await store.UpdateAsync(copy, CancellationToken.None);
                    return advisor;
                }
                catch (HandoffConflictException)
                {
                    return -1;
                }
            })));

            var winner = Assert.Single(outcomes, o => o >= 0);
            Assert.Equal($"adviseur {winner}", (await store.GetAsync(reference, CancellationToken.None))!.ClaimedBy);
        }
    }

    [Fact]
    public async Task Due_deliveries_are_the_undelivered_ones_whose_time_has_come()
    {
        var store = Create();
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var due = (await store.AddAsync(NewRequest("due"), CancellationToken.None)).Request;
        var later = (await store.AddAsync(NewRequest("later"), CancellationToken.None)).Request;
        later.Delivery.NextAttemptUtc = now.AddMinutes(5);
        await store.UpdateAsync(later, CancellationToken.None);
        var done = (await store.AddAsync(NewRequest("done"), CancellationToken.None)).Request;
        done.Delivery.Delivered = true;
        done.Status = RequestStatus.Claimed;
        await store.UpdateAsync(done, CancellationToken.None);

        var result = await store.DueForDeliveryAsync(now, 10, CancellationToken.None);

        Assert.Equal([due.Reference], result.Select(r => r.Reference));
        Assert.Equal([due.Reference, later.Reference], (await store.OpenAsync(CancellationToken.None)).Select(r => r.Reference));
    }

    [Fact]
    public async Task A_pending_email_copy_keeps_a_delivered_request_due_at_the_email_time()
    {
        var store = Create();
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var request = (await store.AddAsync(NewRequest("mail"), CancellationToken.None)).Request;
        request.Delivery.Delivered = true;
        request.Status = RequestStatus.Claimed;
        request.EmailCopy = new DeliveryState { NextAttemptUtc = now.AddMinutes(1), LastError = "421" };
        request = await store.UpdateAsync(request, CancellationToken.None);

        Assert.Empty(await store.DueForDeliveryAsync(now, 10, CancellationToken.None));
        var due = Assert.Single(await store.DueForDeliveryAsync(now.AddMinutes(1), 10, CancellationToken.None));
        Assert.Equal("421", due.EmailCopy!.LastError);
        Assert.Single(await store.OpenAsync(CancellationToken.None));

        due.EmailCopy.Delivered = true;
        await store.UpdateAsync(due, CancellationToken.None);
        Assert.Empty(await store.DueForDeliveryAsync(now.AddDays(1), 10, CancellationToken.None));
        Assert.Empty(await store.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Requests_and_the_channel_survive_reopening()
    {
        var store = Create();
        var request = (await store.AddAsync(NewRequest("durable"), CancellationToken.None)).Request;
        await store.SetAdvisorChannelAsync(new AdvisorChannel { ChannelId = "19:advisors@thread.tacv2", Reference = new Microsoft.Bot.Schema.ConversationReference { ServiceUrl = "https://smba.example/" } }, CancellationToken.None);

        var reopened = Reopen();

        Assert.Equal("Zaanstad", (string?)(await reopened.GetAsync(request.Reference, CancellationToken.None))!.Fields["municipality"]);
        Assert.Equal("19:advisors@thread.tacv2", (await reopened.GetAdvisorChannelAsync(CancellationToken.None))!.ChannelId);
    }
}
