using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Language;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Engine;

/// <summary>Steps that only route or inform, and answers that must not be kept.</summary>
public sealed class EngineRoutingTests
{
    private static DialogHarness Harness() => new((c, u) => DialogHarness.CreateRunner(
        new DialogSet()
            .Add(new LanguageDialog())
            .Add(new WaterfallDialog("routed")
                .AddStep("first", (s, _) => Task.FromResult(s.AskChoice("Links of rechts?", [new("left", "Links"), new("right", "Rechts")])))
                .AddStep("route", (s, _) => Task.FromResult(s.GoTo(s.InputAs<string>() == "left" ? "left" : "right")))
                .AddStep("left", async (s, ct) =>
                {
                    await s.SendTextAsync("Je koos links.", ct);
                    return s.GoTo("secret");
                })
                .AddStep("right", (s, _) => Task.FromResult(s.AskYesNo("Echt rechts?")))
                .AddStep("secret", (s, _) => Task.FromResult(s.Ask(new PromptSpec { Kind = PromptKind.Text, Text = "Vertel iets (wordt niet bewaard).", Transient = true, Optional = true })))
                .AddStep("check", async (s, ct) =>
                {
                    await s.SendTextAsync(s.Input is null ? "Niets ontvangen." : $"Ontvangen: {s.InputAs<string>()!.Length} tekens.", ct);
                    return s.Next();
                })
                .AddStep("last", (s, _) => Task.FromResult(s.AskYesNo("Klaar?")))),
        "routed", c, u));

    [Fact]
    public async Task Back_skips_steps_that_only_routed_or_informed_and_asks_the_previous_question()
    {
        var harness = Harness();
        await harness.SayAsync("start");
        await harness.SayAsync("links");

        var replies = await harness.SayAsync("terug");

        Assert.Contains("Links of rechts?", Assert.Single(replies).AllText);
        var active = (await harness.ReadStackAsync()).Active!;
        Assert.Equal(["first"], active.History.Select(v => v.Step));
        Assert.Empty(active.Answers);
    }

    [Fact]
    public async Task A_transient_answer_reaches_the_next_step_but_is_never_stored()
    {
        var harness = Harness();
        await harness.SayAsync("start");
        await harness.SayAsync("links");

        var replies = await harness.SayAsync("Geheime-Zorg-Tekst");

        Assert.Contains("Ontvangen: 18 tekens.", replies[0].Text);
        var stored = JObject.FromObject(await harness.ReadStackAsync()).ToString();
        Assert.DoesNotContain("Geheime-Zorg-Tekst", stored);
        Assert.Contains("Klaar?", replies[^1].AllText);
    }

    [Fact]
    public async Task Back_after_a_transient_answer_asks_the_free_text_again_and_the_next_step_then_sees_nothing_stored()
    {
        var harness = Harness();
        await harness.SayAsync("start");
        await harness.SayAsync("links");
        await harness.SayAsync("Geheime-Zorg-Tekst");

        var back = await harness.SayAsync("terug");

        Assert.Contains("Vertel iets", Assert.Single(back).AllText);
        Assert.DoesNotContain("Geheime-Zorg-Tekst", JObject.FromObject(await harness.ReadStackAsync()).ToString());
    }
}
