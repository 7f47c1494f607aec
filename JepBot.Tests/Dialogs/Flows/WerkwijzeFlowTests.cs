using JepBot.Dialogs.Content;
using JepBot.Tests.Cards;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>
/// Every branch of the Werkwijze as a row: the answers given (step=option), where the conversation ends up, and
/// what the decision record says. Expected texts are read from the content, so a jurist's rewording keeps these
/// tests valid while a broken route or a lost answer still fails them.
/// </summary>
public sealed class WerkwijzeFlowTests
{
    private static WerkwijzeContent Content => WerkwijzeDriver.Content;

    private static readonly string[] ToScope = ["safety=no", "profession=youthWorker", "age=16to17", "signals=ideology+onlineContent", "counterSignals=openToTalk", "ownWords=-"];
    private static readonly string[] ToAdviceOutcome = [.. ToScope, "scope=risk", "advice=colleague+ess"];
    private static readonly string[] ToRiskLevel = [.. ToAdviceOutcome, "adviceOutcome=concernRemains", "conversation=spoken", "riskFor=environment"];
    private static readonly string[] ToConsent = [.. ToRiskLevel, "riskLevel=serious"];
    private static readonly string[] ToSeriousHarm = [.. ToConsent, "consent=refused", "legalDuty=no"];
    private static readonly string[] Sharing = ["withWhom=municipality+police", "agreements=whoDoesWhat+feedback"];

    /// <summary>Rows: name, path, the step whose card ends the path ("record" = the decision record was sent), record field expectations.</summary>
    public static TheoryData<string, string[], string, string[]> Branches => new()
    {
        { "acute, later", ["safety=yes", "acute=later"], "exit", [] },
        { "23 or older", ["safety=no", "profession=doctor", "age=23plus", "outOfScope=done"], "exit", [] },
        { "ideas without violence", [.. ToScope, "scope=ideasOnly", "noRiskNeeded=record"], "record", ["decision<-noRiskNeeded", "scope=ideasOnly"] },
        { "group polarisation", [.. ToScope, "scope=groupPolarisation", "noRiskNeeded=record"], "record", ["decision<-noRiskNeeded", "scope=groupPolarisation"] },
        { "advice: concern gone", [.. ToAdviceOutcome, "adviceOutcome=concernGone", "concernGone=record"], "record", ["decision<-concernGone", "advice=colleague+ess"] },
        { "advice: keep observing", [.. ToAdviceOutcome, "adviceOutcome=keepObserving", "keepObserving=record"], "record", ["decision<-keepObserving", "adviceOutcome=keepObserving"] },
        { "conversation: later", [.. ToAdviceOutcome, "adviceOutcome=concernRemains", "conversation=later", "keepObserving=record"], "record", ["decision<-keepObserving", "conversation=later"] },
        { "conversation: concern gone", [.. ToAdviceOutcome, "adviceOutcome=concernRemains", "conversation=concernGone", "concernGone=record"], "record", ["decision<-concernGone"] },
        { "risk: not radicalisation", [.. ToRiskLevel, "riskLevel=notRadicalisation", "ordinaryCare=record"], "record", ["decision<-ordinaryCare", "risk=notRadicalisation", "riskFor=environment"] },
        { "risk: keep observing", [.. ToRiskLevel, "riskLevel=observe", "keepObserving=record"], "record", ["decision<-keepObserving", "risk=observe"] },
        { "risk: acute", [.. ToRiskLevel, "riskLevel=acute", "acute=later"], "exit", [] },
        { "consent given", [.. ToConsent, "consent=given", "shareWithConsent=continue", .. Sharing], "record", ["decision<-shareWithConsent", "consent=given", "withWhom=municipality+police", "agreements=whoDoesWhat+feedback", "profession=youthWorker", "age=16to17", "signals=ideology+onlineContent", "counterSignals=openToTalk"] },
        { "legal duty", [.. ToConsent, "consent=impossible", "legalDuty=yes", "legalDutyShare=continue", .. Sharing], "record", ["decision<-legalDutyShare", "consent=impossible", "legalDuty=yes"] },
        { "no serious harm", [.. ToSeriousHarm, "seriousHarm=no", "doNotShare=record"], "record", ["decision<-doNotShare", "seriousHarm=no", "legalDuty=no"] },
        { "not the only way", [.. ToSeriousHarm, "seriousHarm=yes", "onlyWay=no", "doNotShare=record"], "record", ["decision<-doNotShare", "onlyWay=no"] },
        { "conflict of duties: share", [.. ToSeriousHarm, "seriousHarm=yes", "onlyWay=yes", "minimum=anonymousFirst+factsOnly", "decider=manager", "conflictDecision=share", "shareConflict=continue", .. Sharing], "record", ["decision<-shareConflict", "minimum=anonymousFirst+factsOnly", "decider=manager", "conflictDecision=share", "withWhom=municipality+police"] },
        { "conflict of duties: do not share", [.. ToSeriousHarm, "seriousHarm=yes", "onlyWay=yes", "minimum=riskOnly", "decider=jurist", "conflictDecision=dontShare", "doNotShare=record"], "record", ["decision<-doNotShare", "conflictDecision=dontShare"] },
        { "unsafe to ask consent", [.. ToConsent, "consent=unsafe", "legalDuty=unsure", "seriousHarm=no", "doNotShare=record"], "record", ["consent=unsafe", "legalDuty=unsure"] },
        { "acute, then continue", ["safety=yes", "acute=continue", "profession=teacher", "age=under12", "signals=changedBehaviour", "counterSignals=noneYet", "ownWords=-", "scope=unsure", "advice=notYet", "adviceOutcome=keepObserving", "keepObserving=record"], "record", ["acute=yes", "decision<-keepObserving", "profession=teacher", "age=under12"] },
    };

    [Theory]
    [MemberData(nameof(Branches))]
    public async Task Each_branch_ends_where_the_Werkwijze_says_with_the_right_record(string name, string[] path, string end, string[] expectations)
    {
        var driver = new WerkwijzeDriver();
        var first = await driver.StartAsync();
        Assert.Contains(Content.FindStep("safety")!.Title.In("nl"), first[^1].AllText);

        var replies = await driver.WalkAsync(path);

        if (end == "exit")
        {
            Assert.Contains("typ **menu**", replies[0].Text);
            Assert.DoesNotContain(replies, r => r.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null);
            return;
        }

        var record = replies.Single(r => r.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null);
        var facts = record.Card!.SelectTokens("$..facts[*]").ToDictionary(f => (string)f["title"]!, f => (string)f["value"]!);
        Assert.Equal("24-11-2026", facts[Label("date")]);
        foreach (var expectation in expectations)
        {
            if (expectation.Contains("<-", StringComparison.Ordinal))
            {
                var (field, step) = (expectation[..expectation.IndexOf('<')], expectation[(expectation.IndexOf('-') + 1)..]);
                Assert.True(facts.TryGetValue(Label(field), out var value), $"{name}: record has no '{field}'");
                Assert.Equal(Content.FindStep(step)!.Sets[field].In("nl"), value);
            }
            else
            {
                var (field, options) = (expectation[..expectation.IndexOf('=')], expectation[(expectation.IndexOf('=') + 1)..].Split('+'));
                var step = Content.Steps.Single(s => s.Record == field);
                var titles = string.Join("; ", options.Select(o => step.Options.Single(opt => opt.Id == o).Title.In("nl")));
                Assert.True(facts.TryGetValue(Label(field), out var value), $"{name}: record has no '{field}'");
                Assert.Equal(titles, value);
            }
        }

        var plain = replies[replies.ToList().IndexOf(record) + 1];
        Assert.Contains(Content.Record.Title.In("nl"), plain.Text);
        Assert.Contains(facts[Label("decision")], plain.Text);

        // After the record the menu comes back.
        Assert.Contains("Waarmee kan ik je helpen?", replies[^1].AllText);
    }

    [Theory]
    [InlineData("under12")]
    [InlineData("12to15")]
    [InlineData("16to17")]
    [InlineData("18to22")]
    public async Task The_consent_step_shows_the_consent_rule_of_the_age_band(string ageBand)
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        var path = ToConsent.Select(m => m.StartsWith("age=", StringComparison.Ordinal) ? "age=" + ageBand : m);

        var replies = await driver.WalkAsync(path);

        Assert.Equal("consent", await driver.OpenStepAsync());
        Assert.Contains(Content.AgeBands[ageBand].Consent.In("nl"), replies[^1].AllText);
        foreach (var other in Content.AgeBands.Keys.Where(k => k != ageBand))
        {
            Assert.DoesNotContain(Content.AgeBands[other].Consent.In("nl"), replies[^1].AllText);
        }
    }

    [Theory]
    [InlineData("doctor")]
    [InlineData("mentalHealth")]
    [InlineData("youthCare")]
    [InlineData("socialWorker")]
    [InlineData("youthWorker")]
    [InlineData("teacher")]
    [InlineData("socialTeam")]
    [InlineData("other")]
    public async Task The_consent_step_shows_the_legal_frame_of_the_profession(string profession)
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        var path = ToConsent.Select(m => m.StartsWith("profession=", StringComparison.Ordinal) ? "profession=" + profession : m);

        var replies = await driver.WalkAsync(path);

        var frameId = Content.FindStep("profession")!.Options.Single(o => o.Id == profession).Frame!;
        var frame = Content.Frames[frameId];
        Assert.Contains(frame.Secrecy.In("nl"), replies[^1].AllText);
        Assert.Contains(frame.Basis.In("nl"), replies[^1].AllText);
        if (frame.Uncertain)
        {
            Assert.Contains("controleer dit bij de jurist of privacyfunctionaris van je organisatie", replies[^1].AllText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_sharing_step_shows_the_contact_points_with_their_numbers()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();

        var replies = await driver.WalkAsync([.. ToConsent, "consent=given", "shareWithConsent=continue"]);

        Assert.Equal("withWhom", await driver.OpenStepAsync());
        foreach (var contactId in Content.FindStep("withWhom")!.Contacts)
        {
            var contact = Content.Contacts[contactId];
            Assert.Contains(contact.Name.In("nl"), replies[^1].AllText);
            if (contact.Phone is not null)
            {
                Assert.Contains(contact.Phone, replies[^1].AllText);
            }
        }
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_and_the_record_forgets_the_undone_answer()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=teacher"]);

        var back = await driver.SayAsync("terug");
        Assert.Equal("profession", await driver.OpenStepAsync());
        Assert.Contains(Content.FindStep("profession")!.Title.In("nl"), Assert.Single(back).AllText);

        var replies = await driver.WalkAsync(["profession=doctor", "age=23plus"]);
        Assert.Equal("outOfScope", await driver.OpenStepAsync());
        Assert.Contains(Content.FindStep("outOfScope")!.Title.In("nl"), replies[^1].AllText);
    }

    [Fact]
    public async Task Acuut_from_the_middle_of_the_flow_shows_the_acute_card_and_then_the_open_question_again()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=teacher"]);

        var replies = await driver.SayAsync("acuut");

        Assert.Contains(Content.FindStep("acute")!.Title.In("nl"), replies[0].AllText);
        Assert.Contains("112", replies[0].AllText);
        Assert.Equal("age", await driver.OpenStepAsync());
        Assert.Contains(Content.FindStep("age")!.Title.In("nl"), replies[^1].AllText);
    }

    [Theory]
    [InlineData("urgent")]
    [InlineData("ACUUT!")]
    public async Task Acute_command_with_nothing_open_shows_the_card_and_then_the_menu(string command)
    {
        var driver = new WerkwijzeDriver();

        var replies = await driver.SayAsync(command);

        Assert.Contains("112", replies[0].AllText);
        Assert.Contains("Waarmee kan ik je helpen?", replies[^1].AllText);
    }

    [Fact]
    public async Task Own_words_are_checked_for_judgement_words_and_identifiers_and_never_stored()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=youthWorker", "age=16to17", "signals=ideology", "counterSignals=noneYet"]);
        const string text = "Hij is agressief en gevaarlijk, mail hem op jongen@voorbeeld.nl of bel 0612345678";

        var replies = await driver.SayAsync(text);

        var feedback = replies[0].Text!;
        Assert.Contains("'agressief'", feedback);
        Assert.Contains("'gevaarlijk'", feedback);
        Assert.Contains("e-mailadres", feedback);
        Assert.Contains("telefoonnummer", feedback);
        Assert.Equal("scope", await driver.OpenStepAsync());
        var stored = JObject.FromObject(await driver.Harness.ReadStackAsync()).ToString();
        Assert.DoesNotContain("jongen@voorbeeld.nl", stored);
        Assert.DoesNotContain("agressief", stored);
    }

    [Fact]
    public async Task Factual_own_words_get_a_compliment_not_a_warning()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=youthWorker", "age=16to17", "signals=ideology", "counterSignals=noneYet"]);

        var replies = await driver.SayAsync("Kwam twee keer niet naar de afspraak en deelde een filmpje van een aanslag in de groepsapp.");

        Assert.DoesNotContain("oordeel geven", replies[0].Text);
        Assert.Contains("Ik bewaar je tekst niet", replies[0].Text);
    }

    [Fact]
    public async Task The_whole_flow_works_in_English_too()
    {
        var driver = new WerkwijzeDriver("en-US");
        var first = await driver.StartAsync();
        Assert.Contains(Content.FindStep("safety")!.Title.In("en"), first[^1].AllText);

        var replies = await driver.WalkAsync([.. ToConsent, "consent=given", "shareWithConsent=continue", .. Sharing]);

        var record = replies.Single(r => r.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null);
        Assert.Contains(Content.Record.Title.In("en"), record.AllText);
        Assert.Contains(Content.FindStep("shareWithConsent")!.Sets["decision"].In("en"), record.AllText);
        Assert.Contains("How can I help you?", replies[^1].AllText);
    }

    [Fact]
    public async Task No_text_speaks_of_a_reporting_point_or_duty_for_radicalisation()
    {
        var json = WerkwijzeContentLoader.ReadEmbedded() + string.Join("\n", JepBot.Dialogs.Localization.Localizer.Default.Keys("nl").Select(k => JepBot.Dialogs.Localization.Localizer.Default.Get("nl", k)));

        foreach (var word in new[] { "meldpunt", "meld- en", "meldplicht", "een melding", "melding doen", "reporting point", "duty to report" })
        {
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Every_card_along_every_branch_renders_in_the_official_renderer()
    {
        var cards = new List<(string, JObject)>();
        foreach (var row in Branches)
        {
            var (name, path) = ((string)row[0], (string[])row[1]);
            foreach (var locale in new[] { "nl-NL", "en-US" })
            {
                var driver = new WerkwijzeDriver(locale);
                await driver.StartAsync();
                await driver.WalkAsync(path);
                cards.AddRange(driver.Harness.History.Where(r => r.Card is not null).Select((r, i) => ($"{name} {locale} #{i}", r.Card!)));
                Assert.All(driver.Harness.History, r => Assert.True(MessageSize.Of(r.Activity) < MessageSize.Limit, $"{name}: a message over 40 KB"));
            }
        }

        var results = await AdaptiveCardRenderer.CheckAsync(cards);
        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static string Label(string field) => Content.Record.Fields.Single(f => f.Id == field).Label.In("nl");
}
