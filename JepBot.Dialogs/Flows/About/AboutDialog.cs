using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;

namespace JepBot.Dialogs.Flows.About;

/// <summary>"Over JepBot": what the bot is, for whom, and the privacy rule that holds everywhere.</summary>
public sealed class AboutDialog : WaterfallDialog
{
    public const string DialogId = "about";

    public AboutDialog()
        : base(DialogId)
    {
        AddStep("show", async (step, cancellationToken) =>
        {
            var title = step.T("about.title");
            var card = InfoCard.Build(title, [step.T("about.what"), step.T("about.forWhom"), step.T("about.privacy"), step.T("about.acute"), step.T("about.notLegalAdvice")]);
            await step.SendCardAsync(card, title, cancellationToken).ConfigureAwait(false);
            return step.End();
        });
    }
}
