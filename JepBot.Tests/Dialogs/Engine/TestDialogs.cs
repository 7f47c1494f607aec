using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Language;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;

namespace JepBot.Tests.Dialogs.Engine;

/// <summary>
/// Small dialogs that exercise every engine feature: a root that starts an intake, an intake that asks a choice,
/// a yes/no, starts a child dialog, asks an e-mail address and reports what it collected.
/// </summary>
public static class TestDialogs
{
    public const string Root = "root";
    public const string Intake = "intake";
    public const string Child = "child";

    public static PromptChoice[] Colours { get; } = [new("a", "Alpha"), new("b", "Bèta", "tweede"), new("c", "Gamma")];

    public static DialogSet Create(bool withoutSecondQuestion = false, bool withoutChild = false)
    {
        var set = new DialogSet()
            .Add(new WaterfallDialog(Root)
                .AddStep("start", (s, _) => Task.FromResult(s.AskChoice("Zullen we beginnen?", [new PromptChoice("go", "Beginnen")])))
                .AddStep("run", (s, _) => Task.FromResult(s.Begin(Intake)))
                .AddStep("again", async (s, ct) =>
                {
                    await s.SendTextAsync("Terug in de start.", ct);
                    return s.Replace(Root);
                }))
            .Add(new LanguageDialog());

        var intake = new WaterfallDialog(Intake) { HelpKey = "menu.help" }
            .AddStep("colour", (s, _) => Task.FromResult(s.AskChoice("Welke kleur?", Colours, help: "Kies de kleur die het best past.")));
        if (!withoutSecondQuestion)
        {
            intake.AddStep("sure", (s, _) => Task.FromResult(s.AskYesNo("Weet je het zeker?")));
        }

        intake
            .AddStep("nested", (s, _) => Task.FromResult(s.Begin(Child)))
            .AddStep("email", (s, _) => Task.FromResult(s.AskText("Wat is je e-mailadres?", validator: "email")))
            .AddStep("report", async (s, ct) =>
            {
                await s.SendTextAsync($"Klaar: {s.Answer<string>("colour")}/{s.Answer<bool?>("sure")}/{s.Answer<string>("nested")}/{s.InputAs<string>()}", ct);
                return s.End("intake-done");
            });
        set.Add(intake);

        if (!withoutChild)
        {
            set.Add(new WaterfallDialog(Child)
                .AddStep("word", (s, _) => Task.FromResult(s.AskText("Noem een woord.", maxLength: 20)))
                .AddStep("finish", (s, _) => Task.FromResult(s.End(s.InputAs<string>()!.ToUpperInvariant()))));
        }

        return set;
    }

    public static DialogHarness Harness(IStorage? storage = null, string locale = "nl-NL") =>
        new((c, u) => DialogHarness.CreateRunner(Create(), Root, c, u), storage, locale);

    /// <summary>Walks to the intake's first question ("Welke kleur?").</summary>
    public static async Task<DialogHarness> AtColourQuestionAsync(IStorage? storage = null)
    {
        var harness = Harness(storage);
        await harness.SayAsync("hallo");
        await harness.SayAsync("beginnen");
        return harness;
    }
}
