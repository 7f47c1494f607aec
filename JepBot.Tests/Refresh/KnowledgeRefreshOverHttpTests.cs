using System.Net;
using JepBot.Refresh;
using JepBot.Tests.Cards;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Refresh;

/// <summary>
/// The knowledge refresh through the real host: switched on and off in the channel with the settings code, posted
/// by the scheduler as a new post in that channel, and its button opening a 1:1 chat.
/// </summary>
public sealed class KnowledgeRefreshOverHttpTests : IAsyncLifetime
{
    private const string Code = "gemeente-code-7";
    private const string Team = "19:zaanstad-team@thread.tacv2";
    private const string Channel = "19:zaanstad-algemeen@thread.tacv2";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T10:00:00+01:00"));
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(
            BotHost.NewDatabasePath(),
            new Dictionary<string, string?> { ["Municipalities:SettingsCode"] = Code, ["Refresh:PollSeconds"] = "3600" },
            services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Switched_on_with_the_code_the_channel_gets_one_card_per_period_and_nothing_once_switched_off()
    {
        Assert.Contains("staat uit", (await ChannelAsync("kennisupdate")).Single().Text);

        var on = (await ChannelAsync("kennisupdate aan " + Code + " wekelijks")).Single().Text;
        Assert.Contains("staat aan", on);
        Assert.Contains("maandag", on);
        Assert.Contains("staat aan", (await ChannelAsync("kennisupdate")).Single().Text);

        var scheduler = _host.Services.GetRequiredService<RefreshScheduler>();
        Assert.Equal(1, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));

        var post = Assert.Single(_connector.Threads);
        Assert.Equal(Channel, (string?)post.Parameters!["channelData"]?["channel"]?["id"]);
        Assert.Contains("Kennisupdate", post.Reply.AllText);
        var problems = await AdaptiveCardRenderer.CheckAsync([("refresh", post.Reply.Card!)]);
        Assert.Empty(problems.SelectMany(p => p.Value));

        Assert.Contains("staat uit", (await ChannelAsync("kennisupdate uit " + Code)).Single().Text);
        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Single(_connector.Threads);
    }

    [Theory]
    [InlineData("kennisupdate aan geraden-999")]
    [InlineData("kennisupdate aan")]
    [InlineData("kennisupdate uit geraden-999")]
    public async Task A_wrong_or_missing_code_changes_nothing_and_is_never_logged(string command)
    {
        var reply = (await ChannelAsync(command)).Single().Text;

        Assert.Contains("Die code klopt niet", reply);
        Assert.Null(await _host.Services.GetRequiredService<IRefreshScheduleStore>().GetAsync(Team, CancellationToken.None));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("geraden-999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_frequency_gets_the_usage_and_the_command_outside_a_channel_says_where_it_works()
    {
        Assert.Contains("wekelijks", (await ChannelAsync("kennisupdate aan " + Code + " dagelijks")).Single().Text);
        Assert.Null(await _host.Services.GetRequiredService<IRefreshScheduleStore>().GetAsync(Team, CancellationToken.None));

        var before = _connector.Received.Count;
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "a:private-1", "kennisupdate"));
        Assert.Contains("alleen in een teamkanaal", _connector.Received.Skip(before).Single().Reply.Text);
    }

    [Fact]
    public async Task The_cards_button_opens_a_1_to_1_chat_where_the_item_continues()
    {
        await ChannelAsync("kennisupdate aan " + Code);
        await _host.Services.GetRequiredService<RefreshScheduler>().RunOnceAsync(CancellationToken.None);
        var data = (JObject)_connector.Threads.Single().Reply.Card!.SelectToken("actions[0].data")!.DeepClone();

        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, null, data, userId: "29:professional-1", userName: "Sam");
        activity["channelData"]!["team"]!["id"] = Team;
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);

        var chat = Assert.Single(_connector.PrivateChats);
        Assert.Contains("29:professional-1", chat.Parameters.ToString());
        var inPrivate = _connector.Received.Skip(before).Where(r => r.ConversationId == chat.Id).Select(r => r.Reply.AllText);
        // The first item is a practice case: the 1:1 chat opens on that case.
        var practiceCase = JepBot.Dialogs.Content.PracticeCasesValidator.Default.Cases[0];
        Assert.Contains(inPrivate, t => t.Contains("Oefening", StringComparison.Ordinal) && t.Contains(practiceCase.Title.In("nl"), StringComparison.Ordinal));
        Assert.Contains(_connector.Received.Skip(before), r => r.ConversationId.StartsWith(Channel, StringComparison.Ordinal) && (r.Reply.Text ?? "").Contains("persoonlijk bericht", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_buttons_data_sent_in_a_1_to_1_chat_opens_no_other_chat()
    {
        var before = _connector.Received.Count;
        var response = await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "a:private-2", null, new JObject { ["refresh"] = new JObject { ["start"] = "juridische kaders" } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.PrivateChats);
        Assert.NotEmpty(_connector.Received.Skip(before));
    }

    private async Task<IReadOnlyList<BotReply>> ChannelAsync(string text)
    {
        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, text, userId: "29:admin-1", userName: "Beheerder");
        activity["channelData"]!["team"]!["id"] = Team;
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);
        return [.. _connector.Received.Skip(before).Where(r => r.ConversationId.StartsWith(Channel, StringComparison.Ordinal) && !r.IsNewThread).Select(r => r.Reply)];
    }
}
