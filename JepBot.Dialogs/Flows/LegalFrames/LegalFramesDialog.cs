using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Insight;
using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Flows.LegalFrames;

/// <summary>
/// "Juridische kaders": browse the legal frames by profession or by topic, one card each, as often as the user
/// likes. Reachable from the menu, by typing "juridische kaders" anywhere, and by a button on the Werkwijze's consent
/// and sharing steps (then it interrupts, and the Werkwijze question comes back afterwards).
/// </summary>
public sealed class LegalFramesDialog : WaterfallDialog
{
    public const string DialogId = "legalFrames";

    public static readonly string[] Words = ["juridische kaders", "kaders", "juridisch kader", "wetgeving", "legal frames", "legal framework", "law"];

    private const string ByProfession = "profession";
    private const string ByTopic = "topic";
    private const string Another = "another";

    public LegalFramesDialog(LegalFramesContent content, Localizer localizer)
        : base(DialogId)
    {
        HelpKey = "legal.help";
        AddStep("kind", (step, _) => Task.FromResult(step.AskChoice(
            step.T("legal.question"),
            [new PromptChoice(ByProfession, step.T("legal.byProfession"), "beroep", "profession"), new PromptChoice(ByTopic, step.T("legal.byTopic"), "onderwerp", "topic")],
            detail: step.T("legal.intro"))));
        AddStep("pick", (step, _) =>
        {
            var items = step.InputAs<string>() == ByProfession ? content.Professions : content.Topics;
            var question = step.InputAs<string>() == ByProfession ? "legal.pickProfession" : "legal.pickTopic";
            return Task.FromResult(step.AskChoice(step.T(question), items.Select(i => new PromptChoice(i.Id, i.Title.In(step.Language)))));
        });
        AddStep("show", async (step, cancellationToken) =>
        {
            var item = content.Find(step.InputAs<string>() ?? "") ?? throw new InvalidOperationException("Unknown legal item.");
            if (!step.IsRepeat)
            {
                InsightRecording.Record(InsightRecorder, step, InsightMetric.LegalFrameOpened, item.Id);
            }

            var card = LegalFrameCard.Build(content, item, localizer, step.Language);
            await step.SendCardAsync(card, item.Title.In(step.Language), cancellationToken).ConfigureAwait(false);
            return step.AskChoice(step.T("legal.next"), [new PromptChoice(Another, step.T("legal.another")), new PromptChoice("done", step.T("legal.done"))]);
        });
        AddStep("next", (step, _) => Task.FromResult(step.InputAs<string>() == Another ? step.GoTo("kind") : step.End()));
    }

    /// <summary>Counts opened legal frames for the municipality's insight (docs/insight.md); null counts nothing.</summary>
    public IInsightRecorder? InsightRecorder { get; init; }
}
