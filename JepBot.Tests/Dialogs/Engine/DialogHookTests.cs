using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Flows.Language;
using JepBot.Tests.Support;

namespace JepBot.Tests.Dialogs.Engine;

/// <summary>
/// The engine's bookkeeping hooks: <see cref="WaterfallDialog.OnBegun"/> and <see cref="WaterfallDialog.OnLeft"/>
/// once per run and how it left, and <see cref="StepContext.IsRepeat"/> when a step runs again for a question the
/// user has seen already. The insight counts (docs/insight.md) rely on exactly this.
/// </summary>
public sealed class DialogHookTests
{
    private readonly List<string> _events = [];

    /// <summary>A menu that starts "walk" (two questions, then a step that ends or replaces it) and the language dialog.</summary>
    private DialogHarness Harness()
    {
        var menu = new Recording("menu", _events);
        menu.AddStep("choose", (s, _) => Task.FromResult(s.AskChoice("Wat wil je?", [new("walk", "Wandelen")])))
            .AddStep("start", (s, _) => Task.FromResult(s.Begin("walk")))
            .AddStep("again", (s, _) => Task.FromResult(s.Replace("menu")));
        var walk = new Recording("walk", _events);
        walk.AddStep("first", (s, _) => Task.FromResult(s.AskChoice("Links of rechts?", [new("left", "Links"), new("right", "Rechts")])))
            .AddStep("second", (s, _) => Task.FromResult(s.AskChoice("Snel of langzaam?", [new("fast", "Snel"), new("slow", "Langzaam"), new("swap", "Ruilen")])))
            .AddStep("done", (s, _) => Task.FromResult(s.InputAs<string>() == "swap" ? s.Replace("other") : s.End()));
        var other = new Recording("other", _events);
        other.AddStep("ask", (s, _) => Task.FromResult(s.AskYesNo("Iets anders?")));
        return new DialogHarness((c, u) => DialogHarness.CreateRunner(new DialogSet().Add(menu).Add(walk).Add(other).Add(new LanguageDialog()), "menu", c, u)
            .AddStartWords("walk", "wandelen")
            .AddStartWords("other", "anders"));
    }

    [Fact]
    public async Task A_run_that_finishes_is_begun_once_and_left_once_as_ended()
    {
        var harness = Harness();
        await harness.SayAsync("hallo");
        await harness.SayAsync("wandelen");
        await harness.SayAsync("links");
        _events.Clear();

        await harness.SayAsync("snel");

        Assert.Equal(["step walk/done", "left walk Ended at second", "step menu/again", "left menu Replaced at choose", "begun menu", "step menu/choose"], _events);
    }

    [Fact]
    public async Task Stop_menu_and_another_feature_remove_the_open_run_at_its_open_question()
    {
        var harness = Harness();
        await harness.SayAsync("wandelen");
        Assert.Equal(["begun walk", "step walk/first"], _events);
        await harness.SayAsync("links");
        _events.Clear();

        await harness.SayAsync("stop");
        Assert.Equal(["left walk Removed at second"], _events);

        await harness.SayAsync("wandelen");
        _events.Clear();
        await harness.SayAsync("menu");
        Assert.Equal(["left walk Removed at first", "begun menu", "step menu/choose"], _events);

        await harness.SayAsync("wandelen");     // the menu's answer: the walk runs as its child
        _events.Clear();
        await harness.SayAsync("anders");
        Assert.Equal(["left walk Removed at first", "left menu Removed at choose", "begun other", "step other/ask"], _events);
    }

    [Fact]
    public async Task Replacing_itself_is_reported_as_replaced_and_going_back_past_the_first_question_as_removed()
    {
        var harness = Harness();
        await harness.SayAsync("hallo");
        await harness.SayAsync("wandelen");
        await harness.SayAsync("links");
        _events.Clear();
        await harness.SayAsync("ruilen");
        Assert.Equal(["step walk/done", "left walk Replaced at second", "begun other", "step other/ask"], _events);

        await harness.SayAsync("menu");
        await harness.SayAsync("wandelen");
        _events.Clear();
        await harness.SayAsync("terug");
        Assert.Equal(["left walk Removed at first", "step menu/choose (repeat)"], _events);
    }

    [Fact]
    public async Task A_step_run_again_for_back_a_language_change_or_after_an_interruption_is_a_repeat()
    {
        var harness = Harness();
        await harness.SayAsync("wandelen");
        await harness.SayAsync("links");
        _events.Clear();

        await harness.SayAsync("terug");
        await harness.SayAsync("taal en");
        await harness.SayAsync("taal");
        await harness.SayAsync("Nederlands");
        await harness.SayAsync("left");

        Assert.Equal(
            ["step walk/first (repeat)", "step walk/first (repeat)", "step walk/first (repeat)", "step walk/second"],
            _events);
    }

    private sealed class Recording(string id, List<string> events) : WaterfallDialog(id)
    {
        public Recording AddStep(string name, Func<StepContext, CancellationToken, Task<StepResult>> step)
        {
            base.AddStep(name, (s, ct) =>
            {
                events.Add($"step {Id}/{s.StepName}{(s.IsRepeat ? " (repeat)" : "")}");
                return step(s, ct);
            });
            return this;
        }

        public override void OnBegun(StepContext run) => events.Add($"begun {Id}");

        public override void OnLeft(StepContext run, DialogExit exit) => events.Add($"left {Id} {exit} at {run.StepName}");
    }
}
