using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// "acuut" / "urgent" from anywhere: the acute-danger card of the Werkwijze (call 112, agree who calls, share only
/// what is needed, record afterwards). Runs as an interruption: afterwards the open question is asked again.
/// </summary>
public sealed class AcuteDialog : WaterfallDialog
{
    public const string DialogId = "acute";

    /// <summary>The content step whose card this shows.</summary>
    public const string ContentStepId = "acute";

    public static readonly string[] Words = ["acuut", "urgent", "spoed", "nood", "112", "emergency", "acute"];

    public AcuteDialog(WerkwijzeContent content, Localizer localizer)
        : base(DialogId)
    {
        var step = content.FindStep(ContentStepId) ?? throw new InvalidOperationException($"The content has no step '{ContentStepId}'.");
        AddStep("show", async (context, cancellationToken) =>
        {
            var paragraphs = new ContentParagraphs(content, localizer, context.Language).ForStep(step, new Dictionary<string, string>());
            var title = step.Title.In(context.Language);
            await context.SendCardAsync(InfoCard.Build(title, paragraphs), title, cancellationToken).ConfigureAwait(false);
            return context.End();
        });
    }
}
