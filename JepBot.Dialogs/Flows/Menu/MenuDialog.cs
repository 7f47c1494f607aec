using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;

namespace JepBot.Dialogs.Flows.Menu;

/// <summary>
/// The root dialog: greets, offers the built features, runs the chosen one, and comes back to itself when
/// that feature ends (by replacing itself, so its history does not grow with every round).
/// </summary>
public sealed class MenuDialog : WaterfallDialog
{
    public const string DialogId = "menu";

    public MenuDialog(IReadOnlyList<MenuEntry> entries)
        : base(DialogId)
    {
        HelpKey = "menu.help";
        AddStep("choose", async (step, cancellationToken) =>
        {
            if (step.Option("greet") is { Type: Newtonsoft.Json.Linq.JTokenType.Boolean } greet && greet.ToObject<bool>())
            {
                await step.SendTextAsync(step.T("menu.greeting"), cancellationToken).ConfigureAwait(false);
            }

            // With more features than buttons fit on a card, the last ones go behind "Meer…" rather than the whole
            // menu becoming a list: the main features stay one click away.
            return step.Ask(new PromptSpec
            {
                Kind = PromptKind.Choice,
                Text = step.T("menu.question"),
                Detail = step.T("menu.detail"),
                Choices = [.. entries.Select(e => new PromptChoice(e.Key, step.T(e.TitleKey), e.Synonyms))],
                MoreTitle = step.T("menu.more"),
            });
        });
        AddStep("start", (step, _) =>
        {
            var key = step.InputAs<string>();
            var entry = entries.First(e => e.Key == key);
            return Task.FromResult(step.Begin(entry.DialogId));
        });
        AddStep("again", (step, _) => Task.FromResult(step.Replace(DialogId)));
    }
}
