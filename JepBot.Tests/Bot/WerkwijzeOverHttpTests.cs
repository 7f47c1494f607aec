using JepBot.Dialogs.Content;
using JepBot.Tests.Support;

namespace JepBot.Tests.Bot;

/// <summary>
/// A professional goes from "Ik maak me zorgen" to the decision record through the real host: Teams-shaped
/// activities posted to /api/messages, answers read at the recording connector, a restart halfway.
/// </summary>
public sealed class WerkwijzeOverHttpTests : IAsyncLifetime
{
    private const string ConversationId = "a:werkwijze-http";
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;
    private HttpChat _chat = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(BotHost.NewDatabasePath());
        _chat = HttpChat.Personal(() => _host, _connector, ConversationId);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task From_worry_to_decision_record_over_HTTP_with_a_restart_in_between()
    {
        var content = WerkwijzeContentLoader.Default;
        await SayAsync("Ik maak me zorgen");
        Assert.Contains(content.FindStep("safety")!.Title.In("nl"), _chat.LastCard!.AllText);

        foreach (var (answer, multi) in new[] { ("no", false), ("socialTeam", false), ("12to15", false), ("seeksLikeMinded,injustice", true), ("noneYet", true) })
        {
            await ChooseAsync(answer, multi);
        }

        await SayAsync("Hij zegt dat geweld soms nodig is en deelt filmpjes van een extremistische groep.");

        // The host restarts: the conversation continues at the same step.
        await _host.DisposeAsync();
        _host = new BotHost(_host.DatabasePath);

        foreach (var (answer, multi) in new[] { ("risk", false), ("attentionOfficer,lse", true), ("concernRemains", false), ("spoken", false), ("youngPerson,environment", true), ("serious", false), ("given", false), ("continue", false), ("municipality", true), ("whoDoesWhat,feedback", true) })
        {
            await ChooseAsync(answer, multi);
        }

        var record = _connector.Received.Select(r => r.Reply).Last(r => r.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null);
        Assert.Contains(content.FindStep("shareWithConsent")!.Sets["decision"].In("nl"), record.AllText);
        Assert.Contains(content.FindStep("profession")!.Options.Single(o => o.Id == "socialTeam").Title.In("nl"), record.AllText);
        Assert.DoesNotContain("geweld soms nodig", string.Join("\n", _connector.Received.Select(r => r.Json.ToString())));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
    }

    private async Task SayAsync(string text) => Assert.NotEmpty(await _chat.SayAsync(text));

    private async Task ChooseAsync(string answer, bool multi)
    {
        var replies = await _chat.AnswerAsync(multi ? "choices" : "choice", answer);
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.AllText.Contains("niet meer actief", StringComparison.Ordinal) || r.AllText.Contains("herken ik niet", StringComparison.Ordinal));
    }
}
