using System.Net;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Handoff;
using JepBot.Storage.Azure;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Storage.Azure;

/// <summary>
/// Two instances of the real host on one Azure storage account (Azurite), as App Service runs them behind its load
/// balancer: any turn may land on either. Their replies go to one recording connector.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScaleOutTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Code = "schaal-code-77";
    private const string Chat = "a:scale-out-chat";
    private const string AdvisorChannel = "19:advisors@thread.tacv2";

    private readonly ReadRendezvous _rendezvous = new();
    private RecordingConnector _connector = null!;
    private BotHost _one = null!;
    private BotHost _two = null!;
    private BotReply? _lastCard;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Azure",
            ["Storage:Azure:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Azure:StateContainer"] = AzuriteFixture.NewName("state-"),
            ["Storage:Azure:RequestsTable"] = AzuriteFixture.NewName("requests"),
            ["Storage:Azure:InstallationsTable"] = AzuriteFixture.NewName("installations"),
            ["Handoff:RegistrationCode"] = Code,
            ["Handoff:PollSeconds"] = "0.2",
            ["Handoff:FirstRetrySeconds"] = "0.2",
            ["Handoff:MaxRetrySeconds"] = "2",
        };

        // Both instances read state through the rendezvous, so a test can make two turns read the same version.
        void Collide(IServiceCollection services) =>
            services.AddSingleton<IStorage>(sp => new RendezvousStorage(sp.GetRequiredService<BlobStorage>(), _rendezvous));
        _one = new BotHost(BotHost.NewDatabasePath(), settings, services: Collide);
        _two = new BotHost(BotHost.NewDatabasePath(), settings, services: Collide);
        _ = _one.Services;
        _ = _two.Services;
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_conversation_alternating_between_the_instances_turn_by_turn_keeps_every_answer()
    {
        var content = WerkwijzeContentLoader.Default;
        var hosts = new[] { _one, _two };
        var turn = 0;
        BotHost Next() => hosts[turn++ % 2];

        await SayAsync(Next(), "Ik maak me zorgen");
        Assert.Contains(content.FindStep("safety")!.Title.In("nl"), _lastCard!.AllText);
        foreach (var (field, value) in new[] { ("choice", "no"), ("choice", "socialTeam"), ("choice", "12to15"), ("choices", "seeksLikeMinded,injustice"), ("choices", "noneYet") })
        {
            await AnswerAsync(Next(), field, value);
        }

        await SayAsync(Next(), "Hij deelt filmpjes van een extremistische groep.");
        foreach (var (field, value) in new[] { ("choice", "risk"), ("choices", "attentionOfficer,lse"), ("choice", "concernRemains"), ("choice", "spoken"), ("choices", "youngPerson,environment"), ("choice", "serious"), ("choice", "given"), ("choice", "continue"), ("choices", "municipality"), ("choices", "whoDoesWhat,feedback") })
        {
            await AnswerAsync(Next(), field, value);
        }

        // Every answer landed: the record holds what was chosen on either instance.
        var record = _connector.Received.Select(r => r.Reply).Last(r => r.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null);
        Assert.Contains(content.FindStep("shareWithConsent")!.Sets["decision"].In("nl"), record.AllText);
        Assert.Contains(content.FindStep("profession")!.Options.Single(o => o.Id == "socialTeam").Title.In("nl"), record.AllText);
        Assert.True(turn >= 16);
        AssertNoFailedTurns();
    }

    [Fact]
    public async Task Turns_of_one_conversation_at_the_same_moment_on_both_instances_are_all_answered()
    {
        var content = WerkwijzeContentLoader.Default;
        await SayAsync(_one, "Ik maak me zorgen");
        var safetyCard = _lastCard!;

        // Both turns read the same state before either saves: the second save must lose and its turn run again.
        _rendezvous.Arm("/conversations/" + Chat, parties: 2);
        var answer = Message(null, safetyCard.Answer("choice", "no"));
        var help = Message("help");
        var responses = await Task.WhenAll(_one.PostActivityAsync(answer), _two.PostActivityAsync(help));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, _rendezvous.Met);
        Assert.NotEmpty(_connector.RepliesTo(answer));
        Assert.NotEmpty(_connector.RepliesTo(help));
        Assert.Contains(_one.Logs.Lines.Concat(_two.Logs.Lines), l => l.Contains("lost its save to another writer", StringComparison.Ordinal));

        // The answer counted once, whatever order the two saves ended in: the conversation is at the next question.
        var professionTitle = content.FindStep("profession")!.Title.In("nl");
        var professionCard = _connector.Received.Select(r => r.Reply).Last(r => r.Card is not null && r.AllText.Contains(professionTitle, StringComparison.Ordinal));
        Assert.DoesNotContain(_connector.RepliesTo(answer).Concat(_connector.RepliesTo(help)), r => r.AllText.Contains("niet meer actief", StringComparison.Ordinal));

        // More collisions without forcing them: every message gets its answer.
        for (var round = 0; round < 3; round++)
        {
            var first = Message("help");
            var second = Message("acuut");
            await Task.WhenAll(_one.PostActivityAsync(first), _two.PostActivityAsync(second));
            Assert.NotEmpty(_connector.RepliesTo(first));
            Assert.NotEmpty(_connector.RepliesTo(second));
        }

        _lastCard = professionCard;
        var next = await AnswerAsync(_two, "choice", "socialTeam");
        Assert.Contains(next, r => r.AllText.Contains(content.FindStep("age")!.Title.In("nl"), StringComparison.Ordinal));
        AssertNoFailedTurns();
    }

    [Fact]
    public async Task A_request_made_on_one_instance_is_posted_once_and_claimed_on_the_other()
    {
        // The advisors' channel is registered on instance one; the professional also talks to instance one.
        var registered = await ChannelAsync(_one, "registreer adviseurskanaal " + Code);
        Assert.Contains("adviseurskanaal", registered.Single().Text);
        var reference = await RequestWerkatelierAsync(_one);

        // Both outboxes poll the same table; the reservation lets exactly one of them post it.
        var thread = await WaitForThreadAsync(1);
        Assert.Contains(reference, thread.Reply.AllText);

        // An advisor clicks "Oppakken": Teams happens to send that click to instance two.
        var claim = await ChannelAsync(_two, null, thread.Reply.ButtonData("Oppakken"), thread: thread.ActivityId!);
        Assert.Empty(claim);
        var update = _connector.Updates.Last();
        Assert.Equal(thread.ActivityId, update.ReplyToId);
        Assert.Contains("Opgepakt door Noor Adviseur", update.Reply.AllText);
        Assert.Contains(_connector.Received, r => r.ConversationId == Chat && (r.Reply.Text ?? "").Contains($"Noor Adviseur heeft je aanvraag {reference} opgepakt", StringComparison.Ordinal));
        var stored = await _one.Services.GetRequiredService<IHandoffStore>().GetAsync(reference, CancellationToken.None);
        Assert.Equal(RequestStatus.Claimed, stored!.Status);

        // Two more requests, one from each instance: still one post each while both outboxes keep polling.
        var second = await RequestWerkatelierAsync(_two);
        var third = await RequestWerkatelierAsync(_one);
        await WaitForThreadAsync(3);
        await Task.Delay(800);
        Assert.Equal([reference, second, third], _connector.Threads.Select(t => System.Text.RegularExpressions.Regex.Match(t.Reply.AllText, @"WA-\d{4}-\d{4}").Value).Order());
        AssertNoFailedTurns();
    }

    // --- helpers ---

    private void AssertNoFailedTurns() =>
        Assert.DoesNotContain(_one.Logs.Lines.Concat(_two.Logs.Lines), l => l.Contains("Turn failed", StringComparison.Ordinal));

    private JObject Message(string? text, JObject? value = null) => Activities.Message(_connector.ServiceUrl, Chat, text, value);

    private async Task<IReadOnlyList<BotReply>> SayAsync(BotHost host, string? text, JObject? value = null)
    {
        var activity = Message(text, value);
        var response = await host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = _connector.RepliesTo(activity);
        Assert.True(replies.Count > 0, $"no answer to '{text ?? value?.ToString()}'");
        Assert.DoesNotContain(replies, r => r.AllText.Contains("niet meer actief", StringComparison.Ordinal) || r.AllText.Contains("herken ik niet", StringComparison.Ordinal));
        _lastCard = replies.LastOrDefault(r => r.Card is not null) ?? _lastCard;
        return replies;
    }

    private Task<IReadOnlyList<BotReply>> AnswerAsync(BotHost host, string field, string value) => SayAsync(host, null, _lastCard!.Answer(field, value));

    private async Task<string> RequestWerkatelierAsync(BotHost host)
    {
        await SayAsync(host, "werkatelier");
        await SayAsync(host, null, _lastCard!.ButtonData("Aanvraag starten"));
        var form = _lastCard!.Filled(new JObject
        {
            ["municipality"] = "Zaanstad", ["organisation"] = "Team Jeugd", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl",
            ["phone"] = "075 123 4567", ["period"] = "voorjaar 2027", ["participants"] = "12", ["groups"] = "teachers,youthWorkers",
            ["location"] = "chain", ["remarks"] = "Graag na de herfstvakantie.",
        });
        var review = await SayAsync(host, null, form);
        Assert.Contains("Klopt dit?", review[^1].AllText);
        var confirmation = await SayAsync(host, null, review[^1].ButtonData("Versturen"));
        var match = System.Text.RegularExpressions.Regex.Match(string.Join("\n", confirmation.Select(c => c.AllText)), @"WA-\d{4}-\d{4}");
        Assert.True(match.Success, "no reference in the confirmation");
        return match.Value;
    }

    private Task<IReadOnlyList<BotReply>> ChannelAsync(BotHost host, string? text, JObject? value = null, string thread = "1") =>
        HttpChat.Channel(() => host, _connector, AdvisorChannel, thread: thread).SayAsync(text, value);

    private async Task<RecordedActivity> WaitForThreadAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_connector.Threads.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} thread(s) in the advisors' channel, got {_connector.Threads.Count}");
            await Task.Delay(50);
        }

        return _connector.Threads[count - 1];
    }
}
