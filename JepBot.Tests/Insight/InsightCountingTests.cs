using System.Net;
using JepBot.Dialogs.Insight;
using JepBot.Insight;
using JepBot.Tests.Storage;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Insight;

/// <summary>
/// Counting over HTTP through the real host (docs/insight.md): a Werkwijze walk opened from a municipality's channel
/// counts for that team, in the month of the Netherlands; what the professional types reaches no counter; a message
/// Teams delivers twice counts once; a conversation without a municipality and a failing store count nothing and fail
/// nothing.
/// </summary>
public sealed class InsightCountingTests : IAsyncLifetime
{
    private const string Team = "19:zaanstad-team@thread.tacv2";
    private const string Channel = "19:zaanstad-algemeen@thread.tacv2";
    private const string User = "29:user-7";
    private const string PrivateChat = "a:private-29:user-7";

    private static readonly string[] ToConsent =
        ["choice=no", "choice=youthWorker", "choice=16to17", "choices=ideology,onlineContent", "choices=openToTalk", "text=-", "choice=risk", "choices=colleague,ess",
         "choice=concernRemains", "choice=spoken", "choices=environment", "choice=serious"];

    private static readonly string[] ConsentToDoNotShare = ["choice=refused", "choice=no", "choice=no", "choice=record"];

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z"));
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = NewHost();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private BotHost NewHost(Action<IServiceCollection>? more = null) =>
        new(BotHost.NewDatabasePath(), services: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            more?.Invoke(services);
        });

    private Task<IReadOnlyList<InsightCount>> CountsAsync(string month = "2026-11", string team = Team) =>
        _host.Services.GetRequiredService<IInsightStore>().ReadAsync(team, [month], CancellationToken.None);

    private async Task<Dictionary<string, long>> CountMapAsync(string month = "2026-11", string team = Team) =>
        (await CountsAsync(month, team)).ToDictionary(c => c.Metric.StoredName() + (c.Key.Length > 0 ? ":" + c.Key : ""), c => c.Count);

    [Fact]
    public async Task A_walk_from_the_team_s_channel_counts_for_that_team_started_finished_outcome_legal_frame_and_a_drop_out()
    {
        await InstallAsync(Team, "tenant-1");
        await InstallAsync("19:other-team@thread.tacv2", "tenant-1");   // two teams in the tenant: only the channel says which

        await ChannelAsync("zorg");
        await WalkAsync(PrivateChat, [.. ToConsent, .. ConsentToDoNotShare]);
        await SayAsync(PrivateChat, "juridische kaders");
        await WalkAsync(PrivateChat, ["choice=topic", "choice=consent"]);
        await SayAsync(PrivateChat, "zorg");
        await WalkAsync(PrivateChat, ["choice=no", "choice=teacher"]);
        await SayAsync(PrivateChat, "stop");

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["concern-started"] = 2, ["concern-finished"] = 1, ["concern-outcome:doNotShare"] = 1, ["concern-ended-at:age"] = 1, ["legal-frame-opened:consent"] = 1,
            },
            await CountMapAsync());
        Assert.Empty(await CountsAsync(team: "19:other-team@thread.tacv2"));
    }

    [Fact]
    public async Task A_name_and_phone_number_typed_in_the_conversation_reach_no_counter()
    {
        await InstallAsync(Team, "tenant-1");
        const string Chat = "a:direct-chat";

        await SayAsync(Chat, "zorg");
        await WalkAsync(Chat, ["choice=no", "choice=youthWorker", "choice=16to17", "choices=ideology,onlineContent", "choices=openToTalk"]);
        await SayAsync(Chat, "Ahmed Yilmaz (06-12345678) zei dat hij Bram Jansen wil opzoeken");
        await SayAsync(Chat, "Ahmed Yilmaz 0612345678");   // typed where a choice is asked: not an answer
        await SayAsync(Chat, "stop");

        var rows = await SqliteInsightStoreTests.ReadRawRowsAsync(_host.DatabasePath);
        Assert.NotEmpty(rows);
        var everything = string.Join("\n", rows.SelectMany(r => r.Select(c => $"{c.Key}={c.Value}")));
        foreach (var secret in new[] { "Ahmed", "Yilmaz", "Bram", "Jansen", "12345678", "06-", User, Chat, "Test Gebruiker", "00000000-0000-0000-0000-000000000001", "tenant-1", "act-" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(rows, r => SqliteInsightStoreTests.AssertCounterRow(r, InsightCatalog.Default));
        Assert.Equal(new Dictionary<string, long> { ["concern-started"] = 1, ["concern-ended-at:scope"] = 1 }, await CountMapAsync());
    }

    [Fact]
    public async Task Counts_go_to_the_month_in_the_netherlands_and_a_redelivered_message_counts_once()
    {
        await InstallAsync(Team, "tenant-1");
        const string Chat = "a:direct-chat";

        _clock.SetUtcNow(DateTimeOffset.Parse("2026-11-30T22:59:00Z"));      // 23:59 in Amsterdam, 30 November
        await SayAsync(Chat, "zorg");
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-11-30T23:30:00Z"));      // 00:30 in Amsterdam, 1 December
        var stop = Activities.Message(_connector.ServiceUrl, Chat, "stop");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(stop)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(stop)).StatusCode);   // Teams delivers it again
        var zorg = Activities.Message(_connector.ServiceUrl, Chat, "zorg");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(zorg)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(zorg)).StatusCode);

        Assert.Equal(new Dictionary<string, long> { ["concern-started"] = 1 }, await CountMapAsync("2026-11"));
        Assert.Equal(new Dictionary<string, long> { ["concern-ended-at:safety"] = 1, ["concern-started"] = 1 }, await CountMapAsync("2026-12"));
    }

    [Fact]
    public async Task A_conversation_with_no_known_municipality_counts_nowhere()
    {
        // Tenant 1 has two teams and no configuration naming one; tenant 2 none.
        await InstallAsync(Team, "tenant-1");
        await InstallAsync("19:other-team@thread.tacv2", "tenant-1");

        await SayAsync("a:direct-chat", "zorg");
        var other = Activities.Message(_connector.ServiceUrl, "a:tenant-2-chat", "zorg");
        other["conversation"]!["tenantId"] = "tenant-2";
        other["channelData"]!["tenant"]!["id"] = "tenant-2";
        await _host.PostActivityAsync(other);

        Assert.Empty(await SqliteInsightStoreTests.ReadRawRowsAsync(_host.DatabasePath));
    }

    [Fact]
    public async Task Of_several_teams_the_one_named_in_configuration_counts_a_direct_chat()
    {
        await _host.DisposeAsync();
        _host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?>
        {
            ["Municipalities:Contacts:0:TeamId"] = Team,
            ["Municipalities:Contacts:0:Name"] = "Gemeente Zaanstad, team Veiligheid",
        }, services: s => s.AddSingleton<TimeProvider>(_clock));
        await InstallAsync(Team, "tenant-1");
        await InstallAsync("19:other-team@thread.tacv2", "tenant-1");

        await SayAsync("a:direct-chat", "zorg");

        Assert.Equal(new Dictionary<string, long> { ["concern-started"] = 1 }, await CountMapAsync());
    }

    [Fact]
    public async Task A_werkatelier_request_counts_once_however_often_it_is_sent()
    {
        await InstallAsync(Team, "tenant-1");
        const string Chat = "a:direct-chat";
        await SayAsync(Chat, "werkatelier");
        await ClickAsync(Chat, "Aanvraag starten");
        var review = (await SubmitFormAsync(Chat, new JObject
        {
            ["municipality"] = "Zaanstad", ["organisation"] = "Team Jeugd", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl",
            ["phone"] = "075 123 4567", ["period"] = "voorjaar 2027", ["participants"] = "12", ["groups"] = "teachers,youthWorkers",
            ["location"] = "chain", ["remarks"] = "Graag na de herfstvakantie.",
        })).Last(r => r.Card is not null);
        var send = review.ButtonData("Versturen");

        await SayAsync(Chat, null, send);
        await SayAsync(Chat, null, send);

        Assert.Equal(new Dictionary<string, long> { ["werkatelier-requested"] = 1 }, await CountMapAsync());
    }

    [Fact]
    public async Task A_store_that_fails_loses_the_count_but_never_the_user_s_answer()
    {
        await _host.DisposeAsync();
        _host = NewHost(s => s.AddSingleton<IInsightStore>(new FailingStore()));
        await InstallAsync(Team, "tenant-1");

        var replies = await SayAsync("a:direct-chat", "zorg");

        Assert.Contains(replies, r => r.Card is not null);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("1 insight events of a turn were not counted (TimeoutException)", StringComparison.Ordinal));
    }

    private sealed class FailingStore : IInsightStore
    {
        public Task AddAsync(string municipality, string month, IReadOnlyCollection<InsightEvent> events, CancellationToken cancellationToken) => throw new TimeoutException();

        public Task<IReadOnlyList<InsightCount>> ReadAsync(string municipality, IReadOnlyCollection<string> months, CancellationToken cancellationToken) => throw new TimeoutException();
    }

    private async Task InstallAsync(string team, string tenant)
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Activities.TeamEvent(_connector.ServiceUrl, team, "Team", "botAdded", tenant))).StatusCode);
    }

    private async Task ChannelAsync(string text)
    {
        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, text, userId: User, userName: "Sam");
        activity["channelData"]!["team"]!["id"] = Team;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);
    }

    private readonly Dictionary<string, BotReply> _lastCards = [];

    private async Task<IReadOnlyList<BotReply>> SayAsync(string chat, string? text, JObject? value = null)
    {
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, chat, text, value, userId: User))).StatusCode);
        var replies = _connector.Received.Skip(before).Where(r => r.ConversationId == chat).Select(r => r.Reply).ToList();
        if (replies.LastOrDefault(r => r.Card is not null) is { } card)
        {
            _lastCards[chat] = card;
        }

        return replies;
    }

    private Task<IReadOnlyList<BotReply>> ClickAsync(string chat, string title) => SayAsync(chat, null, LastCard(chat).ButtonData(title));

    private Task<IReadOnlyList<BotReply>> SubmitFormAsync(string chat, JObject inputs) => SayAsync(chat, null, LastCard(chat).Filled(inputs));

    private BotReply LastCard(string chat) =>
        _lastCards.TryGetValue(chat, out var card) ? card : _connector.Received.Where(r => r.ConversationId == chat).Select(r => r.Reply).Last(r => r.Card is not null);

    /// <summary>Answers the open cards in turn: "choice=x" and "choices=a,b" as card submits, "text=…" as a typed message.</summary>
    private async Task WalkAsync(string chat, IEnumerable<string> answers)
    {
        foreach (var answer in answers)
        {
            var (field, value) = (answer[..answer.IndexOf('=')], answer[(answer.IndexOf('=') + 1)..]);
            if (field == "text")
            {
                await SayAsync(chat, value);
                continue;
            }

            await SayAsync(chat, null, LastCard(chat).Answer(field, value));
        }
    }
}
