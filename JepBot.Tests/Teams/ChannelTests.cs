using System.Net;
using JepBot.Dialogs.Installations;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Teams;

/// <summary>
/// JepBot in a municipality's team: the installation is recorded, renamed and removed; anything said to it in a
/// channel or group chat moves to a 1:1 chat, where the conversation runs.
/// </summary>
public sealed class ChannelTests : IAsyncLifetime
{
    private const string Team = "19:zaanstad-team@thread.tacv2";
    private const string Channel = "19:zaanstad-algemeen@thread.tacv2";
    private const string PrivateChat = "a:private-29:user-7";
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(BotHost.NewDatabasePath());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private IInstallationStore Installations => _host.Services.GetRequiredService<IInstallationStore>();

    [Fact]
    public async Task Adding_renaming_and_removing_the_bot_keeps_the_team_record_and_welcomes_once()
    {
        await PostAsync(Activities.TeamEvent(_connector.ServiceUrl, Team, "Zorg en Veiligheid", "botAdded"));
        await PostAsync(Activities.TeamEvent(_connector.ServiceUrl, Team, "Zorg en Veiligheid", "botAdded"));

        var installed = await Installations.GetAsync(Team, CancellationToken.None);
        Assert.Equal("Zorg en Veiligheid", installed!.TeamName);
        Assert.Equal("tenant-1", installed.TenantId);
        Assert.Equal(_connector.ServiceUrl, installed.ServiceUrl);
        var welcome = Assert.Single(_connector.Received, r => r.ConversationId == Team);
        Assert.Contains("1-op-1-chat", welcome.Reply.AllText);

        await PostAsync(Activities.TeamEvent(_connector.ServiceUrl, Team, "Jeugd en Veiligheid", "teamRenamed"));
        var renamed = await Installations.GetAsync(Team, CancellationToken.None);
        Assert.Equal("Jeugd en Veiligheid", renamed!.TeamName);
        Assert.Equal(installed.InstalledUtc, renamed.InstalledUtc);

        await PostAsync(Activities.TeamEvent(_connector.ServiceUrl, Team, "Jeugd en Veiligheid", "botRemoved"));
        Assert.Null(await Installations.GetAsync(Team, CancellationToken.None));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mention_with_a_feature_name_answers_briefly_in_the_channel_and_starts_that_feature_in_private()
    {
        var before = _connector.Received.Count;
        await PostAsync(Mention("zorg"));

        var sent = _connector.Received.Skip(before).ToList();
        var inChannel = Assert.Single(sent, r => r.ConversationId.StartsWith(Channel, StringComparison.Ordinal));
        Assert.Contains("persoonlijk bericht", inChannel.Reply.Text);
        var opened = Assert.Single(_connector.PrivateChats);
        Assert.Equal("29:user-7", (string?)opened.Parameters["members"]![0]!["id"]);
        Assert.Equal("tenant-1", (string?)opened.Parameters["tenantId"]);
        var inPrivate = sent.Where(r => r.ConversationId == PrivateChat).Select(r => r.Reply).ToList();
        Assert.Contains(inPrivate, r => r.AllText.Contains("Welkom bij JepBot", StringComparison.Ordinal));
        Assert.Contains(inPrivate, r => r.AllText.Contains("gevaar", StringComparison.OrdinalIgnoreCase) && r.Buttons.Count > 0);

        // The conversation goes on in private, as in any 1:1 chat.
        var safety = inPrivate.Last(r => r.Card is not null);
        var next = await PostAsync(Activities.Message(_connector.ServiceUrl, PrivateChat, null, safety.ButtonData(safety.Buttons[1]), userId: "29:user-7"));
        Assert.NotEmpty(next);
    }

    [Fact]
    public async Task Oefenen_with_a_case_id_in_a_channel_opens_that_practice_case_in_private()
    {
        // The command a channel card's "knowledge refresh" button sends; docs/practice.md.
        var practiceCase = JepBot.Dialogs.Content.PracticeCasesValidator.Default.Cases[0];
        var before = _connector.Received.Count;
        await PostAsync(Mention("oefenen " + practiceCase.Id));

        var sent = _connector.Received.Skip(before).ToList();
        Assert.Single(sent, r => r.ConversationId.StartsWith(Channel, StringComparison.Ordinal));
        var inPrivate = sent.Where(r => r.ConversationId == PrivateChat).Select(r => r.Reply).ToList();
        var intro = inPrivate.Last(r => r.Card is not null);
        Assert.Contains("Oefening · " + practiceCase.Title.In("nl"), intro.AllText);
        Assert.Contains(practiceCase.Situation.In("nl"), intro.AllText);
        Assert.Contains("Beginnen", intro.Buttons);
    }

    [Fact]
    public async Task What_someone_writes_about_a_young_person_in_a_channel_is_not_carried_into_the_private_chat()
    {
        var before = _connector.Received.Count;
        await PostAsync(Mention("mijn leerling Daan de Vries zegt dat geweld nodig is"));

        var sent = _connector.Received.Skip(before).ToList();
        Assert.Contains(sent, r => r.ConversationId == PrivateChat);
        Assert.DoesNotContain(sent, r => r.Json.ToString().Contains("Daan", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Daan", StringComparison.Ordinal));
        Assert.DoesNotContain("Daan", await File.ReadAllTextAsync(_host.DatabasePath));
    }

    [Fact]
    public async Task When_teams_refuses_the_private_chat_the_channel_is_told_how_to_open_one()
    {
        _connector.FailNextPrivateChat(403);

        var replies = await PostAsync(Mention("zorg"));

        var reply = Assert.Single(replies);
        Assert.Contains("Open zelf een chat met mij", reply.Text);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Could not open a 1:1 chat", StringComparison.Ordinal) && l.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_chat_is_moved_to_private_too()
    {
        var before = _connector.Received.Count;
        await PostAsync(Activities.Message(_connector.ServiceUrl, "19:groupchat@thread.v2", "adviseur", conversationType: "groupChat", userId: "29:user-7"));

        Assert.Contains(_connector.Received.Skip(before), r => r.ConversationId == "19:groupchat@thread.v2" && (r.Reply.Text ?? "").Contains("persoonlijk bericht", StringComparison.Ordinal));
        Assert.Contains(_connector.Received.Skip(before), r => r.ConversationId == PrivateChat && r.Reply.AllText.Contains("adviseur", StringComparison.OrdinalIgnoreCase));
    }

    private JObject Mention(string text)
    {
        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, text, userId: "29:user-7", userName: "Kim Docent");
        activity["channelData"]!["team"]!["id"] = Team;
        return activity;
    }

    private async Task<IReadOnlyList<BotReply>> PostAsync(JObject activity)
    {
        var before = _connector.Received.Count;
        var response = await _host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = (string)activity["conversation"]!["id"]!;
        return [.. _connector.Received.Skip(before).Where(r => r.ConversationId == conversation).Select(r => r.Reply)];
    }
}
