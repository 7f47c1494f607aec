using System.Text.RegularExpressions;
using JepBot.Dialogs.Content;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.EndToEnd;

/// <summary>
/// End to end through a Teams client: the Microsoft 365 Agents Playground in front of the real bot, driven through the
/// Playground's conversation API (as its web UI does). Asserts on what the Playground received.
/// </summary>
[Collection(PlaygroundCollection.Name)]
public sealed class PlaygroundTests(InstalledPlaygroundFixture fixture)
{
    private static WerkwijzeContent Content => WerkwijzeContentLoader.Default;

    private static readonly string[] ToScope = ["safety=no", "profession=youthWorker", "age=16to17", "signals=ideology+onlineContent", "counterSignals=openToTalk", "ownWords=-"];
    private static readonly string[] ToConsent = [.. ToScope, "scope=risk", "advice=colleague+ess", "adviceOutcome=concernRemains", "conversation=spoken", "riskFor=environment", "riskLevel=serious"];
    private static readonly string[] ToSeriousHarm = [.. ToConsent, "consent=refused", "legalDuty=no"];

    private PlaygroundClient Client => fixture.Client;

    private string Chat => Client.PersonalChat;

    [Fact]
    public void Installing_the_bot_sends_the_welcome_card()
    {
        var welcome = fixture.Welcome.FirstOrDefault(m => m.Card is not null);
        Assert.True(welcome is not null, "no welcome card after the installation; received: " + string.Join(" | ", fixture.Welcome) + "\n" + fixture.Diagnostics());
        Assert.Matches("Welkom bij JepBot|Welcome to JepBot", welcome.AllText);
    }

    public static TheoryData<string, string[], string, string> Branches => new()
    {
        // "terug" after the profession: the record must carry the second answer, not the first.
        { "ideas without violence, with terug", ["safety=no", "profession=teacher", "terug", .. ToScope[1..], "scope=ideasOnly", "noRiskNeeded=record"], "noRiskNeeded", "youthWorker" },
        { "consent given", [.. ToConsent, "consent=given", "shareWithConsent=continue", "withWhom=municipality+police", "agreements=whoDoesWhat+feedback"], "shareWithConsent", "youthWorker" },
        { "conflict of duties: do not share", [.. ToSeriousHarm, "seriousHarm=yes", "onlyWay=yes", "minimum=riskOnly", "decider=jurist", "conflictDecision=dontShare", "doNotShare=record"], "doNotShare", "youthWorker" },
    };

    [Theory]
    [MemberData(nameof(Branches))]
    public async Task A_Werkwijze_branch_reaches_its_decision_record_in_the_Teams_client(string name, string[] path, string decisionStep, string profession)
    {
        await StartInDutchAsync();
        var mark = Client.Mark();
        await Client.SayAsync(Chat, "Ik maak me zorgen");
        await Client.WaitForTextAsync(Chat, mark, Content.FindStep("safety")!.Title.In("nl"));

        for (var i = 0; i < path.Length; i++)
        {
            var move = path[i];
            mark = Client.Mark();
            if (move == "terug")
            {
                await Client.SayAsync(Chat, "terug");
            }
            else
            {
                var (step, answer) = (move[..move.IndexOf('=')], move[(move.IndexOf('=') + 1)..]);
                if (Content.FindStep(step)!.Kind == StepKinds.Text)
                {
                    await Client.SayAsync(Chat, answer);
                }
                else
                {
                    await ChooseAsync(QuestionCard(step), answer.Split('+'));
                }
            }

            if (i + 1 < path.Length)
            {
                // Before "terug" any next question will do; otherwise it must be the question of the next step.
                var next = path[i + 1] == "terug" ? null : path[i + 1][..path[i + 1].IndexOf('=')];
                await Client.WaitForAsync(Chat, mark, m => m.Card is not null && (next is null || m.AllText.Contains(Content.FindStep(next)!.Title.In("nl"), StringComparison.Ordinal)), $"{name}: the question of step '{next}' after '{move}'");
            }
        }

        var record = await Client.WaitForAsync(Chat, mark, m => m.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null && m.AllText.Contains(Content.FindStep(decisionStep)!.Sets["decision"].In("nl"), StringComparison.Ordinal), $"{name}: the decision record of '{decisionStep}'");
        var professionTitle = Content.FindStep("profession")!.Options.Single(o => o.Id == profession).Title.In("nl");
        Assert.Contains(professionTitle, record.AllText);
        if (path.Contains("terug"))
        {
            Assert.DoesNotContain(Content.FindStep("profession")!.Options.Single(o => o.Id == "teacher").Title.In("nl"), record.AllText);
        }
    }

    [Fact]
    public async Task The_legal_frames_open_from_the_menu_card_and_show_a_frame_with_its_sources()
    {
        var menu = await StartInDutchAsync();
        var frames = LegalFramesValidator.Default;
        var item = frames.Find("consent")!;

        var mark = Client.Mark();
        await Client.SubmitAsync(Chat, menu.MessageId, menu.Reply.ButtonData("Juridische kaders"));
        var choice = await Client.WaitForTextAsync(Chat, mark, "Wat wil je bekijken?");
        mark = Client.Mark();
        await Client.SubmitAsync(Chat, choice.MessageId, choice.Reply.ButtonData("Regels per onderwerp"));
        var topics = await Client.WaitForAsync(Chat, mark, m => m.Card is not null && m.Reply.Card!.SelectTokens("$..actions[*].data.jep").Any(), "the list of topics");
        mark = Client.Mark();
        await ChooseAsync(topics, ["consent"]);
        var frame = await Client.WaitForTextAsync(Chat, mark, item.Title.In("nl"));

        Assert.Contains(item.Summary.In("nl"), frame.AllText);
        Assert.Contains(frames.Disclaimer.In("nl"), frame.AllText);
        await Client.WaitForTextAsync(Chat, mark, "Wil je nog iets bekijken?");
    }

    [Fact]
    public async Task An_advisor_request_reaches_the_registered_General_channel_as_a_ticket_card()
    {
        var channel = Client.GeneralChannel;
        var mark = Client.Mark();
        await Client.SayAsync(channel, "registreer adviseurskanaal verkeerde-code", mentionBot: true);
        var refused = await Client.WaitForAsync(channel, mark, m => m.Reply.Text is not null, "an answer to a wrong registration code");
        Assert.DoesNotContain("advisors' channel", refused.AllText);
        mark = Client.Mark();
        await Client.SayAsync(channel, "registreer adviseurskanaal " + PlaygroundFixture.RegistrationCode, mentionBot: true);
        await Client.WaitForTextAsync(channel, mark, "This channel is now the advisors' channel");

        await StartInDutchAsync();
        mark = Client.Mark();
        await Client.SayAsync(Chat, "adviseur");
        var topic = await Client.WaitForTextAsync(Chat, mark, "Waar wil je het met een adviseur over hebben?");
        mark = Client.Mark();
        await ChooseAsync(topic, ["sharing"]);
        var urgency = await Client.WaitForTextAsync(Chat, mark, "Hoe snel wil je contact?");
        mark = Client.Mark();
        await ChooseAsync(urgency, ["week"]);
        var reach = await Client.WaitForTextAsync(Chat, mark, "Hoe kan de adviseur je bereiken?");
        mark = Client.Mark();
        await SubmitFormAsync(reach, new JObject { ["way"] = "teams", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "", ["organisation"] = "Wijkteam Noord" });
        await Client.WaitForTextAsync(Chat, mark, "Wat is je vraag, in een paar zinnen?");
        mark = Client.Mark();
        await Client.SayAsync(Chat, "Een leerling genaamd Daan zegt rare dingen, bel 0612345678");
        var redacted = await Client.WaitForTextAsync(Chat, mark, "Zo stuur ik je vraag door");
        Assert.Contains("[telefoonnummer]", redacted.AllText);
        Assert.DoesNotContain("0612345678", redacted.AllText);
        mark = Client.Mark();
        await ChooseAsync(redacted, ["ok"]);
        var review = await Client.WaitForTextAsync(Chat, mark, "Klopt dit? Dan verstuur ik je verzoek.");
        mark = Client.Mark();
        await Client.SubmitAsync(Chat, review.MessageId, review.Reply.ButtonData("Versturen"));
        var confirmation = await Client.WaitForTextAsync(Chat, mark, "Je verzoek is ontvangen");
        var reference = Regex.Match(string.Join("\n", Client.Since(Chat, mark).Select(m => m.AllText)), @"AV-\d{4}-\d{4}").Value;
        Assert.False(string.IsNullOrEmpty(reference), "no AV- reference in the confirmation: " + confirmation.AllText);

        var ticket = await Client.WaitForAsync(channel, mark, m => m.Card is not null && m.AllText.Contains(reference, StringComparison.Ordinal), $"the ticket card {reference}");
        Assert.Contains("Verzoek om contact met een adviseur", ticket.AllText);
        Assert.Contains("Kim Jansen", ticket.AllText);
        Assert.Contains("[telefoonnummer]", ticket.AllText);
        Assert.DoesNotContain("0612345678", ticket.AllText);
        Assert.Contains("Oppakken", ticket.Reply.Buttons);
    }

    /// <summary>Switches to Dutch and opens the menu; returns the menu card.</summary>
    private async Task<PlaygroundMessage> StartInDutchAsync()
    {
        // "menu" first ends whatever an earlier test left open; "taal nl" then answers with the Dutch menu.
        var mark = Client.Mark();
        await Client.SayAsync(Chat, "menu");
        await Client.WaitForAsync(Chat, mark, m => m.Card is not null, "the menu");
        mark = Client.Mark();
        await Client.SayAsync(Chat, "taal nl");
        await Client.WaitForTextAsync(Chat, mark, "Nederlands");
        return await Client.WaitForAsync(Chat, mark, m => m.Card is not null && m.AllText.Contains("Waarmee kan ik je helpen?", StringComparison.Ordinal), "the Dutch menu");
    }

    private PlaygroundMessage QuestionCard(string step)
    {
        var title = Content.FindStep(step)!.Title.In("nl");
        return Client.Since(Chat, 0).LastOrDefault(m => m.Card is not null && m.AllText.Contains(title, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No card for step '{step}' in the Playground.");
    }

    /// <summary>Answers a question card as its buttons or its list and "Verder" would: the card's own data plus the choice.</summary>
    private Task ChooseAsync(PlaygroundMessage card, string[] optionIds)
    {
        var ticket = card.Card!.SelectTokens("$..actions[*].data.jep").OfType<JObject>().First(t => t["c"] is null);
        var multi = card.Card.SelectTokens("$..body[?(@.type == 'Input.ChoiceSet')]").Any(t => (bool?)t["isMultiSelect"] == true)
            || card.Card.SelectTokens("$..[?(@.type == 'Input.ChoiceSet')]").Any(t => (bool?)t["isMultiSelect"] == true);
        var data = new JObject { ["jep"] = ticket.DeepClone() };
        data[multi ? "choices" : "choice"] = multi ? string.Join(",", optionIds) : optionIds.Single();
        return Client.SubmitAsync(Chat, card.MessageId, data);
    }

    private Task SubmitFormAsync(PlaygroundMessage card, JObject inputs) => Client.SubmitAsync(Chat, card.MessageId, card.Reply.Filled(inputs));
}
