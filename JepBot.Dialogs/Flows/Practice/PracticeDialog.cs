using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Werkwijze;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Practice;

/// <summary>
/// "Oefenen": the professional picks a fictional case (or names it: <c>oefenen &lt;case-id&gt;</c>), reads it, walks the
/// Werkwijze in practice mode (<see cref="WerkwijzeDialog.PracticeOption"/>), and then sees their choices next to the
/// model answer, with the legal frames that belong to the case. Nothing of it is kept: the Werkwijze leaves no
/// decision record and offers no hand-off in practice, and the walk itself ends with this dialog.
/// </summary>
public sealed class PracticeDialog : WaterfallDialog
{
    public const string DialogId = "practice";

    /// <summary>The typed commands; with a case id after them they start that case directly (a stable, documented command).</summary>
    public static readonly string[] Words = ["oefenen", "oefen", "oefening", "oefencasus", "practice", "practise"];

    /// <summary>Option: the id of the case to start with, from "oefenen &lt;case-id&gt;".</summary>
    public const string CaseOption = "case";

    /// <summary>Option: "oefenen" was typed with something that is not a case id (never kept: it may be anything).</summary>
    public const string UnknownCaseOption = "unknownCase";

    private const string AllProfessions = "all";
    private const string Start = "start";
    private const string OtherCase = "other";
    private const string AnotherCase = "another";
    private const string ToMenu = "menu";

    private readonly PracticeCasesContent _cases;
    private readonly WerkwijzeContent _werkwijze;
    private readonly LegalFramesContent _legalFrames;
    private readonly Localizer _localizer;

    public PracticeDialog(PracticeCasesContent cases, WerkwijzeContent werkwijze, LegalFramesContent legalFrames, Localizer localizer)
        : base(DialogId)
    {
        _cases = cases;
        _werkwijze = werkwijze;
        _legalFrames = legalFrames;
        _localizer = localizer;
        HelpKey = "practice.help";
        AddStep("filter", FilterAsync);
        AddStep("pick", PickAsync);
        AddStep("intro", IntroAsync);
        AddStep("walk", WalkAsync);
        AddStep("compare", CompareAsync);
        AddStep("next", NextAsync);
        AddStep("route", RouteAsync);
    }

    /// <summary>
    /// The options for "oefenen &lt;argument&gt;": the case when the argument is a case id, otherwise only the fact that it
    /// was not one. The argument itself is typed text and is never kept.
    /// </summary>
    public static Func<string, JToken?> OptionsFor(PracticeCasesContent cases) => argument =>
        cases.Find(argument.Trim()) is { } practiceCase
            ? new JObject { [CaseOption] = practiceCase.Id }
            : new JObject { [UnknownCaseOption] = true };

    private async Task<StepResult> FilterAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (_cases.Find(step.Option(CaseOption)?.ToString()) is { } named)
        {
            return step.GoTo("intro", named.Id);
        }

        if (step.Option(UnknownCaseOption) is { Type: JTokenType.Boolean } unknown && (bool)unknown)
        {
            await step.SendTextAsync(step.T("practice.label", step.T("practice.unknownCase")), cancellationToken).ConfigureAwait(false);
        }

        // Professions in the Werkwijze's own order, only those that have a case.
        var professions = _werkwijze.FindStep(PracticeCasesValidator.ProfessionStep)!.Options
            .Where(o => _cases.Cases.Any(c => c.Profession == o.Id))
            .Select(o => new PromptChoice(o.Id, o.Title.In(step.Language)));
        return step.Ask(new PromptSpec
        {
            Kind = PromptKind.Choice,
            Text = step.T("practice.label", step.T("practice.filter")),
            Detail = step.T("practice.filter.detail"),
            Choices = [new PromptChoice(AllProfessions, step.T("practice.filter.all"), "alle", "all"), .. professions],
        });
    }

    private Task<StepResult> PickAsync(StepContext step, CancellationToken cancellationToken)
    {
        var profession = step.InputAs<string>();
        var cases = _cases.Cases.Where(c => profession == AllProfessions || c.Profession == profession).ToList();
        return Task.FromResult(step.Ask(new PromptSpec
        {
            Kind = PromptKind.Choice,
            Text = step.T("practice.label", step.T("practice.pick")),
            Paragraphs = cases.Count <= 4 ? [.. cases.Select(c => $"**{c.Title.In(step.Language)}**: {c.Teaser.In(step.Language)}")] : [],
            Choices = [.. cases.Select(c => new PromptChoice(c.Id, c.Title.In(step.Language)))],
        }));
    }

    private Task<StepResult> IntroAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (_cases.Find(step.InputAs<string>()) is not { } practiceCase)
        {
            return Task.FromResult(step.Replace(DialogId));
        }

        var language = step.Language;
        var profession = OptionTitle(PracticeCasesValidator.ProfessionStep, practiceCase.Profession, language);
        var age = OptionTitle(PracticeCasesValidator.AgeStep, practiceCase.Age, language);
        return Task.FromResult(step.Ask(new PromptSpec
        {
            Kind = PromptKind.Choice,
            Text = step.T("practice.label", practiceCase.Title.In(language)),
            Paragraphs = [practiceCase.Situation.In(language), step.T("practice.facts", profession, age), step.T("practice.howItWorks")],
            Choices = [new PromptChoice(Start, step.T("practice.start"), "beginnen", "start", "ja"), new PromptChoice(OtherCase, step.T("practice.otherCase"), "andere", "other")],
        }));
    }

    private Task<StepResult> WalkAsync(StepContext step, CancellationToken cancellationToken) =>
        Task.FromResult(step.InputAs<string>() == Start && step.InputOf("intro")?.ToString() is { } caseId
            ? step.Begin(WerkwijzeDialog.DialogId, new JObject { [WerkwijzeDialog.PracticeOption] = caseId })
            : step.Replace(DialogId));

    private async Task<StepResult> CompareAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (_cases.Find(step.InputOf("intro")?.ToString()) is not { } practiceCase || PracticeWalk.FromJson(step.Input) is not { } walk)
        {
            // The case left the content in a deploy during the walk: nothing to compare with.
            await step.SendTextAsync(step.T("practice.label", step.T("practice.unknownCase")), cancellationToken).ConfigureAwait(false);
            return step.Replace(DialogId);
        }

        var comparison = PracticeComparison.Build(_werkwijze, practiceCase, walk, step.Language);
        var title = step.T("practice.comparison.title");
        var summary = comparison.AllMatch
            ? step.T("practice.comparison.allMatch", comparison.Rows.Count)
            : step.T("practice.comparison.some", comparison.Matches, comparison.Rows.Count);
        var rows = comparison.Rows.Select(r => new PracticeComparisonCard.Row(
            r.Question,
            step.T("practice.comparison." + r.Verdict),
            Colour(r.Verdict),
            step.T("practice.comparison.you", r.Yours.Count == 0 ? step.T("practice.comparison.notReachedText") : string.Join("; ", r.Yours)),
            step.T("practice.comparison.model", string.Join("; ", r.Model)),
            step.T("practice.comparison.why", r.Why)));
        var outcomeVerdict = comparison.OutcomeMatches ? PracticeVerdict.Match : PracticeVerdict.Differs;
        var card = PracticeComparisonCard.Build(
            title,
            step.T("practice.comparison.case", practiceCase.Title.In(step.Language)),
            summary,
            rows,
            (step.T("practice.comparison.outcome"), step.T("practice.comparison." + outcomeVerdict), Colour(outcomeVerdict),
                step.T("practice.comparison.yourOutcome", comparison.YourOutcome), step.T("practice.comparison.modelOutcome", comparison.ModelOutcome)),
            step.T("practice.comparison.footer"));
        await step.SendCardAsync(card, title, cancellationToken).ConfigureAwait(false);
        return step.Next();
    }

    private Task<StepResult> NextAsync(StepContext step, CancellationToken cancellationToken)
    {
        var practiceCase = _cases.Find(step.InputOf("intro")?.ToString());
        var frames = (practiceCase?.LegalFrames ?? []).Select(_legalFrames.Find).OfType<LegalItem>()
            .Select(item => new PromptChoice(item.Id, step.T("practice.next.legal", item.Title.In(step.Language))));
        return Task.FromResult(step.Ask(new PromptSpec
        {
            Kind = PromptKind.Choice,
            Text = step.T("practice.label", step.T("practice.next")),
            Detail = step.T("practice.next.detail"),
            Choices =
            [
                .. frames,
                new PromptChoice(AnotherCase, step.T("practice.next.another"), "nog een", "andere casus", "another"),
                new PromptChoice(ToMenu, step.T("practice.next.menu"), "klaar", "menu", "done"),
            ],
        }));
    }

    private async Task<StepResult> RouteAsync(StepContext step, CancellationToken cancellationToken)
    {
        switch (step.InputAs<string>())
        {
            case AnotherCase:
                return step.Replace(DialogId);
            case ToMenu:
                return step.End();
            case { } frameId when _legalFrames.Find(frameId) is { } item:
                var card = LegalFrameCard.Build(_legalFrames, item, _localizer, step.Language);
                await step.SendCardAsync(card, item.Title.In(step.Language), cancellationToken).ConfigureAwait(false);
                return step.GoTo("next");
            default:
                return step.GoTo("next");
        }
    }

    private string OptionTitle(string stepId, string optionId, string language) =>
        _werkwijze.FindStep(stepId)?.Options.FirstOrDefault(o => o.Id == optionId)?.Title.In(language) ?? optionId;

    private static string Colour(PracticeVerdict verdict) => verdict switch
    {
        PracticeVerdict.Match => "Good",
        PracticeVerdict.Partly => "Warning",
        _ => "Attention",
    };
}
