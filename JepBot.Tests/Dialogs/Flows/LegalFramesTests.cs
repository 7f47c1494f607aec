using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Localization;
using JepBot.Tests.Cards;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>"Juridische kaders": the content is complete and valid, browsable by profession and topic, and every card shows its sources.</summary>
public sealed class LegalFramesTests
{
    private static LegalFramesContent Content => LegalFramesValidator.Default;

    private static DialogHarness Harness(string locale = "nl-NL") =>
        new((c, u) => new JepConversation(c, u).Runner, locale: locale);

    [Fact]
    public void The_shipped_legal_frames_are_valid_and_complete()
    {
        var problems = LegalFramesValidator.Validate(LegalFramesValidator.Parse(LegalFramesValidator.ReadEmbedded()));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(LegalFramesValidator.RequiredProfessions.Order(), Content.Professions.Select(p => p.Id).Order());
        Assert.Equal(LegalFramesValidator.RequiredTopics.Order(), Content.Topics.Select(p => p.Id).Order());
    }

    [Fact]
    public void The_professions_are_the_ones_the_Werkwijze_uses()
    {
        var frames = WerkwijzeContentLoader.Default.FindStep("profession")!.Options.Select(o => o.Frame!).Distinct();

        Assert.All(frames, f => Assert.NotNull(Content.Find(f)));
    }

    public static TheoryData<string, Action<JObject>, string> Breakages => new()
    {
        { "no source", c => c["topics"]![0]!["sources"] = new JArray(), "has no source" },
        { "unknown source", c => c["topics"]![0]!["sources"] = new JArray("x"), "cites source 'x'" },
        { "no review date", c => ((JObject)c["professions"]![0]!).Remove("reviewed"), "has no review date" },
        { "missing translation", c => ((JObject)c["topics"]![1]!["summary"]!).Remove("en"), "summary has no text in language 'en'" },
        { "missing topic", c => ((JArray)c["topics"]!).RemoveAt(0), "The topic 'secrecy' is missing" },
        { "bad url", c => ((JObject)c["sources"]!).Properties().First().Value["url"] = "ftp://x", "has no valid http(s) URL" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_edit_is_named(string what, Action<JObject> breakIt, string expected)
    {
        var json = JObject.Parse(LegalFramesValidator.ReadEmbedded());
        breakIt(json);

        var problems = LegalFramesValidator.Validate(LegalFramesValidator.Parse(json.ToString()));

        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{what}: expected \"{expected}\" in:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [InlineData("Regels per beroep", "medical")]
    [InlineData("Regels per beroep", "education")]
    [InlineData("Regels per onderwerp", "consent")]
    [InlineData("Regels per onderwerp", "whereToGo")]
    public async Task Browse_from_the_menu_to_a_card_with_sources_date_and_disclaimer(string kind, string id)
    {
        var harness = Harness();
        await harness.SayAsync("hallo");
        await harness.ClickAsync("Juridische kaders");
        await harness.ClickAsync(kind);
        var item = Content.Find(id)!;

        var replies = await harness.SubmitAsync(Choose(harness, id));

        var card = replies[0];
        Assert.Contains(item.Title.In("nl"), card.AllText);
        Assert.Contains(item.Summary.In("nl"), card.AllText);
        Assert.Contains("Laatst gecontroleerd op 24 november 2026", card.AllText);
        Assert.Contains(Content.Disclaimer.In("nl"), card.AllText);
        var urls = card.Card!.SelectTokens("$..selectAction.url").Select(u => (string)u!).ToList();
        Assert.Equal(item.Sources.Select(s => Content.Sources[s].Url), urls);
        Assert.Equal(item.Uncertain, card.AllText.Contains("Controleer dit bij de jurist", StringComparison.Ordinal));
        Assert.Contains("Wil je nog iets bekijken?", replies[^1].AllText);

        var again = await harness.ClickAsync("Ander onderwerp");
        Assert.Contains("Wat wil je bekijken?", again[^1].AllText);
    }

    [Fact]
    public async Task The_consent_step_links_to_the_legal_frames_and_comes_back_to_the_question()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=teacher", "age=12to15", "signals=ideology", "counterSignals=noneYet", "ownWords=-", "scope=risk", "advice=colleague", "adviceOutcome=concernRemains", "conversation=spoken", "riskFor=environment", "riskLevel=serious"]);
        Assert.Equal("consent", await driver.OpenStepAsync());

        var opened = await driver.Harness.ClickAsync("Juridische kaders");
        Assert.Contains("Wat wil je bekijken?", opened[^1].AllText);
        await driver.Harness.ClickAsync("Regels per onderwerp");
        await driver.Harness.SubmitAsync(Choose(driver.Harness, "consent"));
        var back = await driver.Harness.ClickAsync("Klaar");

        Assert.Equal("consent", await driver.OpenStepAsync());
        Assert.Contains(WerkwijzeContentLoader.Default.FindStep("consent")!.Title.In("nl"), back[^1].AllText);
    }

    [Fact]
    public async Task Typing_juridische_kaders_anywhere_opens_them()
    {
        var harness = Harness();

        var replies = await harness.SayAsync("juridische kaders");

        Assert.Contains("Wat wil je bekijken?", replies[^1].AllText);
    }

    [Fact]
    public async Task Every_legal_card_in_both_languages_renders_and_stays_small()
    {
        var cards = new List<(string, JObject)>();
        foreach (var language in Languages.All)
        {
            cards.AddRange(Content.Items.Select(item => ($"{item.Id} {language}", LegalFrameCard.Build(Content, item, Localizer.Default, language))));
        }

        var results = await AdaptiveCardRenderer.CheckAsync(cards);

        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.All(cards, c => Assert.True(MessageSize.Of(c.Item2) < MessageSize.Limit, $"{c.Item1} is too large"));
    }

    private static JObject Choose(DialogHarness harness, string value)
    {
        var ticket = harness.LastCard!.Card!.SelectTokens("$..actions[*].data.jep").OfType<JObject>().First(t => t["c"] is null);
        return new JObject { ["jep"] = ticket.DeepClone(), ["choice"] = value };
    }
}
