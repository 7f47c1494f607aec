using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Flows.Language;

/// <summary>Asks which language the user wants and remembers it for all their conversations.</summary>
public sealed class LanguageDialog : WaterfallDialog
{
    public LanguageDialog()
        : base(DialogRunner.LanguageDialogId)
    {
        AddStep("choose", (step, _) => Task.FromResult(step.AskChoice(
            step.T("language.question"),
            [
                new PromptChoice(Languages.Dutch, "Nederlands", "nl", "dutch", "nederlands"),
                new PromptChoice(Languages.English, "English", "en", "engels", "english"),
            ])));
        AddStep("apply", async (step, cancellationToken) =>
        {
            step.Preferences.Language = step.InputAs<string>();
            await step.SendTextAsync(step.T("engine.languageChanged"), cancellationToken).ConfigureAwait(false);
            return step.End();
        });
    }
}
