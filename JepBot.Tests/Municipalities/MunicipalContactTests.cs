using System.Net;
using JepBot.Dialogs.Installations;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Municipalities;

/// <summary>
/// A municipality sets its own contact point in its channel with a code, or it comes from configuration; its
/// professionals see it at the Werkwijze's sharing step ("Met wie deel je?").
/// </summary>
public sealed class MunicipalContactTests : IAsyncLifetime
{
    private const string Code = "gemeente-code-7";
    private const string Team = "19:zaanstad-team@thread.tacv2";
    private const string Channel = "19:zaanstad-algemeen@thread.tacv2";
    private const string PrivateChat = "a:private-29:user-7";
    private static readonly string[] ToSharing =
        ["choice=no", "choice=youthWorker", "choice=16to17", "choices=ideology,onlineContent", "choices=openToTalk", "text=-", "choice=risk", "choices=colleague,ess",
         "choice=concernRemains", "choice=spoken", "choices=environment", "choice=serious", "choice=given", "choice=continue"];

    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = NewHost(new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static BotHost NewHost(Dictionary<string, string?> extra)
    {
        extra["Municipalities:SettingsCode"] = Code;
        return new BotHost(BotHost.NewDatabasePath(), extra);
    }

    [Fact]
    public async Task A_wrong_code_changes_nothing_and_is_never_logged()
    {
        var replies = await ChannelAsync("contactpunt geraden-999");

        Assert.Contains("Die code klopt niet", replies.Single().Text);
        Assert.Null((await _host.Services.GetRequiredService<IInstallationStore>().GetAsync(Team, CancellationToken.None))?.Contact);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("geraden-999", StringComparison.Ordinal));
        await ChannelAsync("contactpunt " + Code);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_team_sets_its_contact_point_and_its_professionals_see_it_when_they_decide_with_whom_to_share()
    {
        var form = (await ChannelAsync("contactpunt " + Code)).Single();
        Assert.Contains("Contactpunt radicalisering van de gemeente", form.AllText);

        var invalid = await SubmitAsync(form, new JObject { ["name"] = "", ["phone"] = "12", ["email"] = "", ["veiligheidshuis"] = "" });
        Assert.Contains("Dit veld is verplicht", invalid.Single().AllText);
        Assert.Contains("geen geldig Nederlands telefoonnummer", invalid.Single().AllText);

        var saved = await SubmitAsync(invalid.Single(), new JObject { ["name"] = "Gemeente Zaanstad, team Veiligheid", ["phone"] = "075 123 4567", ["email"] = "veiligheid@zaanstad.example", ["veiligheidshuis"] = "Veiligheidshuis Zaanstreek-Waterland" });
        Assert.Contains("Opgeslagen", saved.Single().Text);

        var sharing = await WalkToSharingAsync();
        Assert.Contains("Het contactpunt van jouw gemeente:** Gemeente Zaanstad, team Veiligheid · ", sharing.AllText);
        Assert.Contains("veiligheid@zaanstad.example", sharing.AllText);
        Assert.Contains("Veiligheidshuis Zaanstreek-Waterland", sharing.AllText);
    }

    [Fact]
    public async Task A_form_from_another_team_or_with_a_forged_signature_changes_nothing()
    {
        var form = (await ChannelAsync("contactpunt " + Code)).Single();
        var data = form.ButtonData("Opslaan");
        data["name"] = "Kwaadwillend";

        var forged = (JObject)data.DeepClone();
        forged["municipalContact"]!["sig"] = Convert.ToBase64String(new byte[32]);
        Assert.Contains("verlopen of hoort niet bij dit team", (await PostChannelAsync(forged, Team)).Single().Text);

        Assert.Contains("verlopen of hoort niet bij dit team", (await PostChannelAsync(data, "19:other-team@thread.tacv2")).Single().Text);
        Assert.Null((await _host.Services.GetRequiredService<IInstallationStore>().GetAsync(Team, CancellationToken.None))?.Contact);
    }

    [Fact]
    public async Task A_contact_point_from_configuration_is_shown_to_the_organisation_s_professionals()
    {
        await _host.DisposeAsync();
        _host = NewHost(new Dictionary<string, string?>
        {
            ["Municipalities:Contacts:0:TenantId"] = "tenant-1",
            ["Municipalities:Contacts:0:Name"] = "Gemeente Ede, Openbare Orde en Veiligheid",
            ["Municipalities:Contacts:0:Phone"] = "0318 123 456",
        });

        var sharing = await WalkToSharingAsync(fromChannel: false);

        Assert.Contains("Het contactpunt van jouw gemeente:** Gemeente Ede, Openbare Orde en Veiligheid", sharing.AllText);
    }

    [Fact]
    public async Task Without_any_contact_point_the_sharing_step_shows_only_the_general_advice()
    {
        var sharing = await WalkToSharingAsync(fromChannel: false);

        Assert.Contains("Gemeentelijk contactpunt radicalisering", sharing.AllText);
        Assert.DoesNotContain("contactpunt van jouw gemeente", sharing.AllText);
    }

    /// <summary>A professional walks the Werkwijze to "Met wie deel je?", in a 1:1 chat opened from the team's channel or directly.</summary>
    private async Task<BotReply> WalkToSharingAsync(bool fromChannel = true)
    {
        var chat = fromChannel ? PrivateChat : "a:direct-chat";
        if (fromChannel)
        {
            await ChannelAsync("zorg", userId: "29:user-7");
        }
        else
        {
            await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, chat, "zorg", userId: "29:user-7"));
        }

        foreach (var answer in ToSharing)
        {
            var (field, value) = (answer.Split('=')[0], answer.Split('=')[1]);
            var card = _connector.Received.Where(r => r.ConversationId == chat).Select(r => r.Reply).Last(r => r.Card is not null);
            var activity = field == "text"
                ? Activities.Message(_connector.ServiceUrl, chat, value, userId: "29:user-7")
                : Activities.Message(_connector.ServiceUrl, chat, null, card.Answer(field, value), userId: "29:user-7");

            Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);
        }

        var last = _connector.Received.Where(r => r.ConversationId == chat).Select(r => r.Reply).Last(r => r.Card is not null);
        Assert.Contains("Gemeentelijk contactpunt radicalisering", last.AllText);
        return last;
    }

    private Task<IReadOnlyList<BotReply>> SubmitAsync(BotReply form, JObject inputs)
    {
        var data = form.ButtonData("Opslaan");
        data.Merge(inputs);
        return PostChannelAsync(data, Team);
    }

    private async Task<IReadOnlyList<BotReply>> ChannelAsync(string text, string userId = "29:admin-1")
    {
        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, text, userId: userId, userName: "Beheerder");
        activity["channelData"]!["team"]!["id"] = Team;
        return await PostAsync(activity);
    }

    private Task<IReadOnlyList<BotReply>> PostChannelAsync(JObject value, string team)
    {
        var activity = Activities.ChannelMessage(_connector.ServiceUrl, Channel, null, value, userId: "29:admin-1", userName: "Beheerder");
        activity["channelData"]!["team"]!["id"] = team;
        return PostAsync(activity);
    }

    private async Task<IReadOnlyList<BotReply>> PostAsync(JObject activity)
    {
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);
        return [.. _connector.Received.Skip(before).Where(r => r.ConversationId.StartsWith(Channel, StringComparison.Ordinal)).Select(r => r.Reply)];
    }
}
