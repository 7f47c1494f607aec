using System.Net;
using JepBot.Dialogs.Insight;
using JepBot.Insight;
using JepBot.Tests.Cards;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Insight;

/// <summary>
/// "inzicht &lt;code&gt;" in a municipality's channel (docs/insight.md): only with the settings code, only in an installed
/// team's channel, only that team's counts of the last three complete months, suppressed; a polite explanation in a
/// 1:1 chat. The cards it sends are checked by Microsoft's renderer.
/// </summary>
public sealed class InsightDeskTests : IAsyncLifetime
{
    private const string Code = "gemeente-code-7";
    private const string Team = "19:zaanstad-team@thread.tacv2";
    private const string Channel = "19:zaanstad-algemeen@thread.tacv2";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-10-15T09:00:00Z"));
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = NewHost(Code);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private BotHost NewHost(string code) => new(
        BotHost.NewDatabasePath(),
        new Dictionary<string, string?> { ["Municipalities:SettingsCode"] = code },
        services: s => s.AddSingleton<TimeProvider>(_clock));

    private IInsightStore Store => _host.Services.GetRequiredService<IInsightStore>();

    [Fact]
    public async Task The_team_sees_its_own_counts_of_the_last_three_complete_months_suppressed_and_rendered()
    {
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-11-30T23:30:00Z"));      // 00:30 on 1 December in Amsterdam: November is complete
        await InstallAsync();
        await Store.AddAsync(Team, "2026-11", [.. Enumerable.Repeat(InsightEvent.Of(InsightMetric.ConcernStarted), 7), .. Enumerable.Repeat(InsightEvent.Of(InsightMetric.ConcernFinished), 6),
            .. Enumerable.Repeat(InsightEvent.Of(InsightMetric.ConcernOutcome, "doNotShare"), 5), InsightEvent.Of(InsightMetric.ConcernOutcome, "concernGone"),
            InsightEvent.Of(InsightMetric.ConcernEndedAt, "consent"), InsightEvent.Of(InsightMetric.WerkatelierRequested)], CancellationToken.None);
        await Store.AddAsync(Team, "2026-09", [.. Enumerable.Repeat(InsightEvent.Of(InsightMetric.LegalFrameOpened, "youthWork"), 12)], CancellationToken.None);
        await Store.AddAsync(Team, "2026-12", [.. Enumerable.Repeat(InsightEvent.Of(InsightMetric.AdvisorRequested), 40)], CancellationToken.None);   // running month
        await Store.AddAsync(Team, "2026-08", [.. Enumerable.Repeat(InsightEvent.Of(InsightMetric.AdvisorRequested), 30)], CancellationToken.None);   // too old
        await Store.AddAsync("19:other-team@thread.tacv2", "2026-11", [.. Enumerable.Repeat(InsightEvent.Of(InsightMetric.ConcernStarted), 90)], CancellationToken.None);

        var card = Assert.Single(await ChannelAsync("inzicht " + Code));

        Assert.Equal(
        [
            "Gestart|0|0|7",
            "Afgerond met afwegingsverslag|0|0|x",
            "Je zorg is weggenomen|0|0|<5",
            "Nu niet delen|0|0|5",
            "Heb je toestemming gevraagd om de informatie te delen?|0|0|<5",
            "Jongerenwerker of kinderwerker|12|0|0",
            "Contact met een adviseur|0|0|0",
            "Werkatelier|0|0|<5",
        ], Rows(card));
        Assert.Contains("sep 2026 t/m nov 2026", card.AllText);
        Assert.Contains("Zorg en Veiligheid", card.AllText);
        Assert.DoesNotContain("dec 2026", card.AllText);
        Assert.Contains("werkatelier", card.AllText);
        await AssertRendersAsync(card);
    }

    [Fact]
    public async Task Walks_counted_in_october_show_in_november_in_english_when_teams_asks_for_it()
    {
        await InstallAsync();
        await ChannelAsync("zorg", userId: "29:user-7");
        const string Chat = "a:private-29:user-7";
        for (var i = 0; i < 5; i++)
        {
            await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, Chat, "stop", userId: "29:user-7"));
            await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, Chat, "zorg", userId: "29:user-7"));
        }

        _clock.SetUtcNow(DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        var card = Assert.Single(await ChannelAsync("insight " + Code, locale: "en-US"));

        Assert.Contains("Started|0|0|6", Rows(card));
        Assert.Contains("Is there acute danger right now for the young person, for others or for you?|0|0|5", Rows(card));
        Assert.Contains("Aug 2026 to Oct 2026", card.AllText);
        await AssertRendersAsync(card);
    }

    [Fact]
    public async Task A_wrong_or_missing_code_shows_nothing_and_the_code_is_never_logged()
    {
        await InstallAsync();

        Assert.Contains("Die code klopt niet", Assert.Single(await ChannelAsync("inzicht geraden-999")).Text);
        Assert.Contains("Die code klopt niet", Assert.Single(await ChannelAsync("inzicht")).Text);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("geraden-999", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Insight refused in team " + Team + ": wrong code", StringComparison.Ordinal));
        Assert.Single(await ChannelAsync("inzicht " + Code));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(Code, StringComparison.Ordinal));

        await _host.DisposeAsync();
        _host = NewHost("");
        await InstallAsync();
        Assert.Contains("geen instellingscode", Assert.Single(await ChannelAsync("inzicht iets")).Text);
    }

    [Fact]
    public async Task A_team_jepbot_is_not_installed_in_is_told_so()
    {
        var reply = Assert.Single(await ChannelAsync("inzicht " + Code));

        Assert.Contains("niet als app in dit team geregistreerd", reply.Text);
        Assert.Null(reply.Card);
    }

    [Fact]
    public async Task In_a_private_chat_the_word_is_explained_and_a_sentence_starting_with_it_is_left_alone()
    {
        const string Chat = "a:direct-chat";

        var explained = await SayAsync(Chat, "inzicht");
        Assert.Contains("is voor het team van een gemeente", Assert.Single(explained).Text);
        Assert.Contains("@JepBot inzicht", explained[0].Text);

        var english = await SayAsync(Chat, "insight " + Code, locale: "en-US");
        Assert.DoesNotContain(english, r => r.AllText.Contains("Insight** is for a municipality", StringComparison.Ordinal));
        Assert.DoesNotContain(english, r => r.AllText.Contains("Insight: JepBot", StringComparison.Ordinal));
    }

    /// <summary>The card's rows as "label|cell|cell|cell" (headers left out).</summary>
    private static List<string> Rows(BotReply card) =>
    [
        .. card.Card!.SelectTokens("$.body[?(@.type == 'Table')]").SelectMany(t => t["rows"]!.Skip(1))
            .Select(r => string.Join("|", r["cells"]!.Select(c => (string)c["items"]![0]!["text"]!))),
    ];

    private static async Task AssertRendersAsync(BotReply card)
    {
        var results = await AdaptiveCardRenderer.CheckAsync([("insight over http", card.Card!)]);
        Assert.Empty(results["insight over http"]);
    }

    private async Task InstallAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Activities.TeamEvent(_connector.ServiceUrl, Team, "Zorg en Veiligheid", "botAdded"))).StatusCode);

    private async Task<IReadOnlyList<BotReply>> ChannelAsync(string text, string userId = "29:admin-1", string locale = "nl-NL")
    {
        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, text, userId: userId, userName: "Beheerder");
        activity["channelData"]!["team"]!["id"] = Team;
        activity["locale"] = locale;
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);
        return [.. _connector.Received.Skip(before).Where(r => r.ConversationId.StartsWith(Channel, StringComparison.Ordinal)).Select(r => r.Reply)];
    }

    private async Task<IReadOnlyList<BotReply>> SayAsync(string chat, string text, string locale = "nl-NL")
    {
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, chat, text, locale: locale))).StatusCode);
        return [.. _connector.Received.Skip(before).Where(r => r.ConversationId == chat).Select(r => r.Reply)];
    }
}
