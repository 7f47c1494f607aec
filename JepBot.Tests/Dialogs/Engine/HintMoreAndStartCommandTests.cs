using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Language;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Engine;

/// <summary>
/// Three small engine features the practice mode needs: a hint on a question (button or "hint"), choices behind a
/// "Meer…" button when they do not all fit, and a start word with an argument ("oefenen een-casus").
/// </summary>
public sealed class HintMoreAndStartCommandTests
{
    private static DialogHarness HintHarness()
    {
        var dialogs = new DialogSet()
            .Add(new LanguageDialog())
            .Add(new WaterfallDialog("quiz")
                .AddStep("colour", (s, _) => Task.FromResult(s.Ask(new PromptSpec
                {
                    Kind = PromptKind.Choice,
                    Text = "Welke kleur?",
                    Choices = [new("a", "Alpha"), new("b", "Bèta")],
                    HintTitle = "Tip",
                    Hint = ["Denk aan de lucht."],
                })))
                .AddStep("word", (s, _) => Task.FromResult(s.AskText("Noem een woord.")))
                .AddStep("show", async (s, ct) =>
                {
                    await s.SendTextAsync($"{s.Answer<string>("colour")}/{s.InputAs<string>()}", ct);
                    return s.End();
                }));
        return new DialogHarness((c, u) => DialogHarness.CreateRunner(dialogs, "quiz", c, u));
    }

    [Fact]
    public async Task The_hint_button_shows_the_hint_and_asks_the_same_question_again()
    {
        var harness = HintHarness();
        await harness.SayAsync("hoi");
        Assert.Equal(["Tip", "Alpha", "Bèta"], harness.LastCard!.Buttons);

        var replies = await harness.ClickAsync("Tip");

        Assert.Equal(2, replies.Count);
        Assert.Contains("Denk aan de lucht.", replies[0].AllText);
        Assert.Contains("Welke kleur?", replies[1].AllText);
        var stack = await harness.ReadStackAsync();
        Assert.Equal("colour", stack.Active!.Pending!.Step);
        Assert.Empty(stack.Active.Answers);
    }

    [Theory]
    [InlineData("hint")]
    [InlineData("Tip")]
    public async Task Typing_hint_does_the_same(string typed)
    {
        var harness = HintHarness();
        await harness.SayAsync("hoi");

        var replies = await harness.SayAsync(typed);

        Assert.Contains("Denk aan de lucht.", replies[0].AllText);
        Assert.Contains("Welke kleur?", replies[1].AllText);
    }

    [Fact]
    public async Task Where_a_question_has_no_hint_the_word_is_an_ordinary_answer()
    {
        var harness = HintHarness();
        await harness.SayAsync("hoi");
        await harness.ClickAsync("Alpha");

        var replies = await harness.SayAsync("hint");

        Assert.Equal("a/hint", replies[0].Text);
    }

    [Fact]
    public async Task A_hint_asked_from_an_older_card_is_refused_as_stale()
    {
        var harness = HintHarness();
        await harness.SayAsync("hoi");
        var old = harness.LastCard!.ButtonData("Tip");
        await harness.ClickAsync("Alpha");

        var replies = await harness.SubmitAsync(old);

        Assert.Contains("niet meer actief", replies[0].Text);
        Assert.DoesNotContain(replies, r => r.AllText.Contains("Denk aan de lucht.", StringComparison.Ordinal));
    }

    [Fact]
    public void Choices_that_do_not_fit_go_behind_the_more_button_when_the_question_asks_for_it()
    {
        var choices = Enumerable.Range(1, 7).Select(i => new PromptChoice($"v{i}", $"Optie {i}")).ToList();
        var spec = new PromptSpec { Step = "s", Kind = PromptKind.Choice, Text = "Kies", Choices = choices, SubmitTitle = "Verder", MoreTitle = "Meer…" };

        var card = new BotReply(AdaptiveCard.ToActivity(PromptCard.Build(spec, "run1", null), "Kies"));

        var main = card.Card!["actions"]!.Select(a => (string)a["title"]!).ToList();
        Assert.Equal(["Optie 1", "Optie 2", "Optie 3", "Optie 4", "Optie 5", "Meer…"], main);
        var more = card.Card!["actions"]![5]!;
        Assert.Equal("Action.ShowCard", (string)more["type"]!);
        Assert.Equal(["Optie 6", "Optie 7"], more["card"]!["actions"]!.Select(a => (string)a["title"]!));
        Assert.Equal("v7", (string)card.ButtonData("Optie 7")["choice"]!);
        Assert.Null(card.Card.SelectToken("$..[?(@.type == 'Input.ChoiceSet')]"));

        spec.MoreTitle = null;
        var list = PromptCard.Build(spec, "run1", null);
        Assert.NotNull(list.SelectToken("$..[?(@.type == 'Input.ChoiceSet')]"));
    }

    [Fact]
    public async Task A_choice_behind_the_more_button_is_an_ordinary_answer()
    {
        var dialogs = new DialogSet()
            .Add(new LanguageDialog())
            .Add(new WaterfallDialog("many")
                .AddStep("pick", (s, _) => Task.FromResult(s.Ask(new PromptSpec
                {
                    Kind = PromptKind.Choice,
                    Text = "Kies",
                    Choices = [.. Enumerable.Range(1, 8).Select(i => new PromptChoice($"v{i}", $"Optie {i}"))],
                    MoreTitle = "Meer…",
                })))
                .AddStep("show", async (s, ct) =>
                {
                    await s.SendTextAsync("gekozen " + s.InputAs<string>(), ct);
                    return s.End();
                }));
        var harness = new DialogHarness((c, u) => DialogHarness.CreateRunner(dialogs, "many", c, u));
        await harness.SayAsync("hoi");

        var replies = await harness.ClickAsync("Optie 8");

        Assert.Equal("gekozen v8", replies[0].Text);
    }

    private static DialogHarness StartCommandHarness()
    {
        var dialogs = new DialogSet()
            .Add(new LanguageDialog())
            .Add(new WaterfallDialog("root").AddStep("menu", (s, _) => Task.FromResult(s.AskChoice("Menu", [new PromptChoice("x", "Iets")]))))
            .Add(new WaterfallDialog("practice").AddStep("show", async (s, ct) =>
            {
                await s.SendTextAsync("opties: " + (s.Options?.ToString(Newtonsoft.Json.Formatting.None) ?? "geen"), ct);
                return s.AskChoice("Verder?", [new PromptChoice("ok", "Oké")]);
            }));
        return new DialogHarness((c, u) =>
        {
            var runner = DialogHarness.CreateRunner(dialogs, "root", c, u);
            runner.AddStartCommand("practice", argument => argument == "bekend" ? new JObject { ["case"] = argument } : new JObject { ["unknown"] = true }, "oefenen", "practice");
            return runner;
        });
    }

    [Theory]
    [InlineData("oefenen", "opties: geen")]
    [InlineData("Oefenen bekend", "opties: {\"case\":\"bekend\"}")]
    [InlineData("practice onbekend", "opties: {\"unknown\":true}")]
    public async Task A_start_command_starts_its_dialog_with_the_options_made_of_its_argument(string typed, string expected)
    {
        var harness = StartCommandHarness();
        await harness.SayAsync("hoi");

        var replies = await harness.SayAsync(typed);

        Assert.Equal(expected, replies[0].Text);
    }

    [Fact]
    public async Task The_typed_argument_itself_is_never_stored()
    {
        var harness = StartCommandHarness();

        await harness.SayAsync("oefenen Sanne de Vries 0612345678");

        var stored = JObject.FromObject(await harness.ReadStackAsync()).ToString();
        Assert.DoesNotContain("Sanne", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0612345678", stored);
        Assert.Contains("unknown", stored);
    }

    [Fact]
    public void A_start_command_with_an_argument_counts_as_a_feature_name()
    {
        var runner = DialogHarness.CreateRunner(
            new DialogSet().Add(new WaterfallDialog("practice").AddStep("s", (s, _) => Task.FromResult(s.End()))),
            "practice",
            new Microsoft.Bot.Builder.ConversationState(new Microsoft.Bot.Builder.MemoryStorage()),
            new Microsoft.Bot.Builder.UserState(new Microsoft.Bot.Builder.MemoryStorage()));
        runner.AddStartCommand("practice", _ => null, "oefenen");

        Assert.True(runner.IsFeatureName("oefenen"));
        Assert.True(runner.IsFeatureName("oefenen iets-anders"));
        Assert.False(runner.IsFeatureName("oefenenx"));
        Assert.False(runner.IsFeatureName("ik wil oefenen"));
    }
}
