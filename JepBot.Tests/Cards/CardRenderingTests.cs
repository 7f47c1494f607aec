using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Insight;
using JepBot.Dialogs.Localization;
using JepBot.Tests.Dialogs.Engine;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Cards;

/// <summary>
/// Every card JepBot can send, checked by Microsoft's Adaptive Cards renderer at schema 1.5: once as built by each
/// card builder in every variant, and once as actually sent along scripted conversations in both languages.
/// </summary>
public sealed class CardRenderingTests
{
    [Fact]
    public async Task The_renderer_check_catches_broken_cards()
    {
        var broken = new Dictionary<string, JObject>
        {
            ["unknown element"] = Card(new JObject { ["type"] = "TextBlok", ["text"] = "x" }),
            ["invalid value"] = Card(new JObject { ["type"] = "TextBlock", ["text"] = "x", ["size"] = "Gigantic" }),
            ["duplicate id"] = Card(new JObject { ["type"] = "Input.Text", ["id"] = "a" }, new JObject { ["type"] = "Input.Text", ["id"] = "a" }),
            ["wrong version"] = WithVersion(Card(new JObject { ["type"] = "TextBlock", ["text"] = "x" }), "1.6"),
        };

        var results = await AdaptiveCardRenderer.CheckAsync(broken.Select(b => (b.Key, b.Value)));

        Assert.Contains(results["unknown element"], p => p.Contains("UnknownElementType"));
        Assert.Contains(results["invalid value"], p => p.Contains("InvalidPropertyValue"));
        Assert.Contains(results["duplicate id"], p => p.Contains("DuplicateId"));
        Assert.Contains(results["wrong version"], p => p.Contains("expected \"1.5\""));
    }

    [Fact]
    public async Task Every_card_builder_variant_renders_without_problems()
    {
        var cards = new List<(string, JObject)>();
        foreach (var language in Languages.All)
        {
            foreach (var audience in Enum.GetValues<WelcomeAudience>())
            {
                cards.Add(($"welcome {audience} {language}", WelcomeCard.Build(Localizer.Default, language, audience)));
            }
        }

        foreach (var language in Languages.All)
        {
            InsightCount[] counts =
            [
                new("2026-10", InsightMetric.ConcernStarted, "", 12), new("2026-10", InsightMetric.ConcernFinished, "", 9),
                new("2026-10", InsightMetric.ConcernOutcome, "doNotShare", 7), new("2026-10", InsightMetric.ConcernOutcome, "shareWithConsent", 2),
                new("2026-11", InsightMetric.ConcernEndedAt, "seriousHarm", 3), new("2026-11", InsightMetric.LegalFrameOpened, "conflictOfDuties", 5),
                new("2026-11", InsightMetric.AdvisorRequested, "", 1),
            ];
            var report = InsightReport.Build(["2026-09", "2026-10", "2026-11"], counts, InsightCatalog.Default, Localizer.Default, language);
            cards.Add(($"insight {language}", InsightCard.Build(report, "Gemeente Zaanstad, team Zorg en Veiligheid", Localizer.Default, language)));
            var empty = InsightReport.Build(["2026-09", "2026-10", "2026-11"], [], InsightCatalog.Default, Localizer.Default, language);
            cards.Add(($"insight without counts or team name {language}", InsightCard.Build(empty, null, Localizer.Default, language)));
        }

        cards.Add(("info without buttons", InfoCard.Build("Kop", ["Eén alinea met **vet** en een [link](https://example.org).", "Twee 🙂"])));
        cards.Add(("info with buttons", InfoCard.Build("Kop", ["Tekst"], [("Menu", "menu"), ("Hulp", "help")])));

        foreach (var (name, spec) in PromptVariants())
        {
            // What the engine fills in when a step asks (StepContext.Ask).
            spec.InputLabel = "Je antwoord";
            spec.RequiredMessage = "Dit veld is verplicht.";
            spec.Fields.ForEach(f => f.RequiredMessage = "Dit veld is verplicht.");
            cards.Add(($"prompt {name}", PromptCard.Build(spec, "instance1", null)));
            spec.BackTitle = "Terug";
            cards.Add(($"prompt {name} with back and problem", PromptCard.Build(spec, "instance1", "Dat herken ik niet.")));
        }

        await AssertAllRenderAsync(cards);
    }

    [Theory]
    [InlineData("nl-NL")]
    [InlineData("en-US")]
    public async Task Every_card_sent_along_the_menu_commands_and_language_change_renders_without_problems(string locale)
    {
        var harness = new DialogHarness((c, u) => new JepConversation(c, u).Runner, locale: locale);
        await harness.SayAsync("hallo");
        await harness.ClickAsync(harness.LastCard!.Buttons[0]);      // about
        await harness.SayAsync("help");
        await harness.SayAsync("menu");
        await harness.SayAsync("taal");
        await harness.SayAsync("terug");
        await harness.SayAsync("taal");
        await harness.ClickAsync("English");
        await harness.SayAsync("taal nl");
        await harness.SayAsync("onzin");
        await harness.SayAsync("stop");
        await harness.SayAsync("help");

        var cards = harness.History.Where(r => r.Card is not null).Select((r, i) => ($"{locale} #{i}", r.Card!)).ToList();
        Assert.True(cards.Count >= 10, $"expected at least 10 cards along the script, got {cards.Count}");
        await AssertAllRenderAsync(cards);
    }

    [Fact]
    public async Task Every_card_sent_along_the_engine_test_dialogs_renders_without_problems()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("paars");
        await harness.ClickAsync("Bèta");
        await harness.SayAsync("terug");
        await harness.SayAsync("gamma");
        await harness.ClickAsync("Ja");
        await harness.SayAsync("woord");
        await harness.SayAsync("geen e-mail");
        await harness.SayAsync("a@b.nl");

        var cards = harness.History.Where(r => r.Card is not null).Select((r, i) => ($"engine #{i}", r.Card!)).ToList();
        await AssertAllRenderAsync(cards);
    }

    [Fact]
    public async Task Welcome_cards_sent_by_the_conversation_render_without_problems()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("welcome-cards")) { Locale = "nl-NL" };
        var storage = new MemoryStorage();
        var cards = new List<(string, JObject)>();
        foreach (var audience in Enum.GetValues<WelcomeAudience>())
        {
            var conversation = new JepConversation(new ConversationState(storage), new UserState(storage));
            await adapter.ProcessActivityAsync(adapter.MakeActivity(null), (context, ct) => conversation.WelcomeAsync(context, audience, ct));
            cards.Add(($"welcome {audience}", new BotReply(adapter.GetNextReply()).Card!));
        }

        await AssertAllRenderAsync(cards);
    }

    private static IEnumerable<(string Name, PromptSpec Spec)> PromptVariants()
    {
        PromptChoice[] few = [new("a", "Alpha"), new("b", "Bèta")];
        var many = Enumerable.Range(1, 8).Select(i => new PromptChoice($"v{i}", $"Optie {i}")).ToList();
        yield return ("choice as buttons", new PromptSpec { Step = "s", Kind = PromptKind.Choice, Text = "Kies", Choices = [.. few], SubmitTitle = "Verder" });
        yield return ("choice as list", new PromptSpec { Step = "s", Kind = PromptKind.Choice, Text = "Kies", Detail = "Uitleg", Choices = many, SubmitTitle = "Verder" });
        yield return ("choice with more", new PromptSpec { Step = "s", Kind = PromptKind.Choice, Text = "Kies", Choices = many, SubmitTitle = "Verder", MoreTitle = "Meer…" });
        yield return ("choice with hint", new PromptSpec { Step = "s", Kind = PromptKind.Choice, Text = "Kies", Choices = [.. few], SubmitTitle = "Verder", HintTitle = "Wat zou een adviseur overwegen?", Hint = ["Omdat."] });
        yield return ("multi-choice with hint", new PromptSpec { Step = "s", Kind = PromptKind.MultiChoice, Text = "Welke?", Choices = many, SubmitTitle = "Verder", HintTitle = "Wat zou een adviseur overwegen?", Hint = ["Omdat."] });
        yield return ("yes/no", new PromptSpec { Step = "s", Kind = PromptKind.YesNo, Text = "Zeker?", Choices = [new(PromptFields.Yes, "Ja"), new(PromptFields.No, "Nee")] });
        yield return ("multi-choice", new PromptSpec { Step = "s", Kind = PromptKind.MultiChoice, Text = "Welke?", Choices = many, MinSelections = 2, SubmitTitle = "Verder" });
        yield return ("text", new PromptSpec { Step = "s", Kind = PromptKind.Text, Text = "E-mail?", Validator = "email", SubmitTitle = "Verder" });
        yield return ("optional multiline text", new PromptSpec { Step = "s", Kind = PromptKind.Text, Text = "Opmerking?", Optional = true, Multiline = true, Placeholder = "Geen namen", MaxLength = 2000, SubmitTitle = "Verder" });
        yield return ("form", new PromptSpec { Step = "s", Kind = PromptKind.Form, Text = "Vul in", SubmitTitle = "Versturen", Fields = FormFields(withErrors: false) });
        yield return ("form with errors", new PromptSpec { Step = "s", Kind = PromptKind.Form, Text = "Vul in", SubmitTitle = "Versturen", Fields = FormFields(withErrors: true) });
    }

    private static List<FormField> FormFields(bool withErrors)
    {
        PromptChoice[] places = [new("in", "Incompany"), new("out", "Met ketenpartners")];
        var fields = new List<FormField>
        {
            new() { Id = "email", Kind = FormFieldKind.Text, Label = "E-mail", Required = true, Validator = "email", Placeholder = "naam@gemeente.nl" },
            new() { Id = "remark", Kind = FormFieldKind.Text, Label = "Opmerking", Multiline = true, MaxLength = 2000 },
            new() { Id = "count", Kind = FormFieldKind.Number, Label = "Aantal", Required = true, Min = 1, Max = 15 },
            new() { Id = "place", Kind = FormFieldKind.Choice, Label = "Plaats", Required = true, Choices = [.. places] },
            new() { Id = "groups", Kind = FormFieldKind.MultiChoice, Label = "Groepen", Choices = [.. places] },
            new() { Id = "ok", Kind = FormFieldKind.Toggle, Label = "Akkoord" },
        };
        if (withErrors)
        {
            fields[0].Value = "niet-goed";
            fields[0].Error = "Dit is geen geldig e-mailadres.";
            fields[2].Value = "16";
            fields[2].Error = "Kies een aantal van 1 tot en met 15.";
            fields[4].Value = "in,out";
            fields[5].Value = "true";
        }

        return fields;
    }

    private static async Task AssertAllRenderAsync(IReadOnlyCollection<(string Name, JObject Card)> cards)
    {
        Assert.NotEmpty(cards);
        var results = await AdaptiveCardRenderer.CheckAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, "Cards the renderer objected to:\n" + string.Join("\n", failures));
    }

    private static JObject WithVersion(JObject card, string version)
    {
        card["version"] = version;
        return card;
    }

    private static JObject Card(params JObject[] body) => AdaptiveCard.Create("test", body, null);
}
