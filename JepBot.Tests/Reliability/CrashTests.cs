using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JepBot.Dialogs.Handoff;
using JepBot.Storage;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Reliability;

/// <summary>
/// Kills the real JepBot process (SIGKILL) at random moments while a professional sends a werkatelier or advisor
/// request, restarts it on the same SQLite file, and clicks "Versturen" again where no confirmation arrived (as
/// the user, or Teams' redelivery, would). In the end every request whose confirmation reached the user exists
/// exactly once, no conversation has two requests, and every stored request reaches the advisors' channel.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    public const int Seed = 424242;
    private const string Code = "crash-registration-code";
    private const string AdvisorChannel = "19:advisors-crash@thread.tacv2";

    /// <summary>100 in CI; set JEPBOT_CRASH_ROUNDS for a longer soak with the same code.</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("JEPBOT_CRASH_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 100;

    private readonly string _database = BotHost.NewDatabasePath();
    private RecordingConnector _connector = null!;
    private JepBotProcess? _bot;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Requests_confirmed_before_a_SIGKILL_exist_exactly_once_and_are_delivered()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _bot = await StartAsync();
        Assert.Contains("adviseurskanaal", await ChannelAsync(http, "registreer adviseurskanaal " + Code));

        var confirmed = new Dictionary<string, string>();
        var (killedDuringSend, confirmedAfterRetry, lostBeforeStore) = (0, 0, 0);
        for (var round = 0; round < Rounds; round++)
        {
            var chat = $"a:crash-{round}";
            var review = round % 3 == 2 ? await AdvisorReviewAsync(http, chat) : await WerkatelierReviewAsync(http, chat);
            var send = review.ButtonData("Versturen");

            // Send, and kill the process somewhere between before the request arrives and after it was answered.
            var before = _connector.Received.Count;
            var posting = _bot.PostAsync(http, Activities.Message(_connector.ServiceUrl, chat, null, send));
            await Task.Delay(random.Next(0, 40));
            _bot.Kill();
            try
            {
                await posting;
            }
            catch (HttpRequestException)
            {
            }

            var reference = ReferenceIn(chat, before);
            await _bot.DisposeAsync();
            _bot = await StartAsync();
            if (reference is not null)
            {
                confirmed[chat] = reference;
                continue;
            }

            // No confirmation reached the user: they click "Versturen" again on the same card.
            killedDuringSend++;
            before = _connector.Received.Count;
            await _bot.PostAsync(http, Activities.Message(_connector.ServiceUrl, chat, null, send));
            reference = ReferenceIn(chat, before);
            if (reference is not null)
            {
                confirmed[chat] = reference;
                confirmedAfterRetry++;
            }
            else
            {
                lostBeforeStore++;
            }
        }

        // Everything stored is delivered eventually, by the last process.
        var store = new SqliteHandoffStore(_database);
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<HandoffRequest> all;
        while (true)
        {
            all = await AllRequestsAsync(store, confirmed.Values);
            if (all.All(r => r.Delivery.Delivered) || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                break;
            }

            await Task.Delay(200);
        }

        foreach (var (chat, reference) in confirmed)
        {
            Assert.Single(all, r => r.Reference == reference);
            Assert.Contains(_connector.Threads, t => t.Reply.AllText.Contains(reference, StringComparison.Ordinal));
        }

        // A request stored before a kill is confirmed by the second click: nobody is left without a reference.
        Assert.Equal(all.Select(r => r.Reference).Order(), confirmed.Values.Order());
        var perChat = all.GroupBy(r => r.RequesterConversation?.Conversation?.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(perChat.Count == 0, "more than one request from: " + string.Join(", ", perChat));
        Assert.All(all, r => Assert.True(r.Delivery.Delivered, $"{r.Reference} was never delivered"));

        var md = new StringBuilder();
        md.AppendLine("## Crash test");
        md.AppendLine();
        md.AppendLine($"`CrashTests` (seed {Seed}) ran {Rounds} rounds in {clock.Elapsed.TotalSeconds:F0} s: a werkatelier request (two rounds in three) or an advisor");
        md.AppendLine("request filled in up to its review card, then \"Versturen\" sent and the JepBot process killed with SIGKILL 0-40 ms later,");
        md.AppendLine("then started again on the same SQLite file. Where no confirmation had reached the user, \"Versturen\" was clicked again;");
        md.AppendLine("a request stored before the kill is then confirmed again with its reference (asserted: every stored request was confirmed).");
        md.AppendLine();
        md.AppendLine("| outcome | rounds |");
        md.AppendLine("| --- | ---: |");
        md.AppendLine($"| confirmation reached the user before the kill | {Rounds - killedDuringSend} |");
        md.AppendLine($"| killed before the confirmation; confirmed by the second click | {confirmedAfterRetry} |");
        md.AppendLine($"| killed before the confirmation; not confirmed after the second click either | {lostBeforeStore} |");
        md.AppendLine();
        md.AppendLine($"Afterwards: {confirmed.Count} confirmed requests, each stored exactly once ({all.Count} stored requests in all, at most one per");
        md.AppendLine($"conversation) and each delivered to the advisors' channel ({_connector.Threads.Count} channel posts, a post repeated when a kill fell between");
        md.AppendLine($"posting and recording it). Run on {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores).");
        md.AppendLine();
        md.AppendLine("Reproduce: `dotnet test JepBot.Tests --filter FullyQualifiedName~Reliability.CrashTests`; a longer soak with the same code:");
        md.AppendLine("`JEPBOT_CRASH_ROUNDS=1000 dotnet test JepBot.Tests --filter FullyQualifiedName~Reliability.CrashTests`.");
        ReliabilityReport.Write("crash", md.ToString());
    }

    private Task<JepBotProcess> StartAsync() => JepBotProcess.StartAsync(new Dictionary<string, string>
    {
        ["Storage:SqlitePath"] = _database,
        ["Handoff:RegistrationCode"] = Code,
        ["Handoff:PollSeconds"] = "0.2",
        ["Handoff:FirstRetrySeconds"] = "0.2",
        ["Handoff:MaxRetrySeconds"] = "1",
    });

    private static async Task<IReadOnlyList<HandoffRequest>> AllRequestsAsync(SqliteHandoffStore store, IEnumerable<string> references)
    {
        var open = await store.OpenAsync(CancellationToken.None);
        var known = new Dictionary<string, HandoffRequest>(open.ToDictionary(r => r.Reference));
        foreach (var reference in references.Where(r => !known.ContainsKey(r)))
        {
            if (await store.GetAsync(reference, CancellationToken.None) is { } request)
            {
                known[reference] = request;
            }
        }

        return [.. known.Values];
    }

    private string? ReferenceIn(string chat, int before)
    {
        var text = string.Join("\n", _connector.Received.Skip(before).Where(r => r.ConversationId == chat).Select(r => r.Reply.AllText));
        var match = Regex.Match(text, @"\b(WA|AV)-\d{4}-\d{4}\b");
        return match.Success ? match.Value : null;
    }

    private async Task<BotReply> WerkatelierReviewAsync(HttpClient http, string chat)
    {
        await SayAsync(http, chat, "werkatelier");
        await SayAsync(http, chat, null, LastCard(chat).ButtonData("Aanvraag starten"));
        var form = LastCard(chat);
        var data = form.SubmitData();
        data.Merge(new JObject
        {
            ["municipality"] = "Zaanstad", ["organisation"] = "Team Jeugd", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl", ["phone"] = "075 123 4567",
            ["period"] = "voorjaar 2027", ["participants"] = "12", ["groups"] = "teachers,youthWorkers", ["location"] = "chain", ["remarks"] = "",
        });
        await SayAsync(http, chat, null, data);
        var review = LastCard(chat);
        Assert.Contains("Klopt dit?", review.AllText);
        return review;
    }

    private async Task<BotReply> AdvisorReviewAsync(HttpClient http, string chat)
    {
        await SayAsync(http, chat, "adviseur");
        await ChooseAsync(http, chat, "sharing");
        await ChooseAsync(http, chat, "week");
        var data = LastCard(chat).SubmitData();
        data.Merge(new JObject { ["way"] = "teams", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "", ["organisation"] = "" });
        await SayAsync(http, chat, null, data);
        await SayAsync(http, chat, "Hoe weeg ik af of ik mag delen?");
        await ChooseAsync(http, chat, "ok");
        var review = LastCard(chat);
        Assert.Contains("Versturen", review.Buttons);
        return review;
    }

    private Task ChooseAsync(HttpClient http, string chat, string value)
    {
        var data = LastCard(chat).SubmitData();
        data["choice"] = value;
        return SayAsync(http, chat, null, data);
    }

    private BotReply LastCard(string chat) =>
        _connector.Received.Last(r => r.ConversationId == chat && r.Reply.Card is not null && !r.IsNewThread && !r.IsUpdate).Reply;

    private async Task SayAsync(HttpClient http, string chat, string? text, JObject? value = null)
    {
        var response = await _bot!.PostAsync(http, Activities.Message(_connector.ServiceUrl, chat, text, value));
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}\n{_bot.Output}");
    }

    private async Task<string> ChannelAsync(HttpClient http, string text)
    {
        var before = _connector.Received.Count;
        await _bot!.PostAsync(http, Activities.ChannelMessage(_connector.ServiceUrl, AdvisorChannel, text));
        return string.Join("\n", _connector.Received.Skip(before).Select(r => r.Reply.AllText));
    }
}
