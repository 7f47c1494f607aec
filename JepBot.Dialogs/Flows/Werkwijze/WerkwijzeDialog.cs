using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Practice;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// The Werkwijze conversation, built from <c>werkwijze.json</c>. Each content step becomes two waterfall steps:
/// "<c>id</c>" shows the card and asks, "<c>id&gt;</c>" takes the answer and routes to the step the content names.
/// The code knows step kinds, not steps: a jurist changes questions, options, routes and texts in the content file.
/// </summary>
public sealed class WerkwijzeDialog : WaterfallDialog
{
    public const string DialogId = "werkwijze";
    private const string RouteSuffix = ">";

    private readonly WerkwijzeContent _content;
    private readonly Localizer _localizer;
    private readonly Func<DateOnly> _today;
    private readonly WerkwijzeFollowUp? _followUp;
    private readonly Installations.IMunicipalContacts? _municipalContacts;
    private readonly PracticeCasesContent? _practice;

    /// <summary>The conversation note with the team a 1:1 chat was opened from.</summary>
    public const string TeamNote = "teamId";

    /// <summary>The content contact after which the municipality's own contact point is shown.</summary>
    private const string MunicipalityContact = "municipality";

    /// <summary>
    /// Option with the id of a practice case (set by <see cref="PracticeDialog"/>). The walk is then practice and never
    /// mixes with real work: every question is labelled, has a hint, no decision record is made or kept for an advisor
    /// request, no hand-off is offered, and the walk ends by handing a <see cref="PracticeWalk"/> back for comparison.
    /// </summary>
    public const string PracticeOption = "practice";

    /// <param name="followUp">What to offer after the record (advisor, werkatelier); null where there are no hand-offs.</param>
    /// <param name="municipalContacts">Finds the municipality's own contact point; null where none are configured.</param>
    /// <param name="practice">The practice cases, for the hints of a practice walk; null where practice is not offered.</param>
    public WerkwijzeDialog(WerkwijzeContent content, Localizer localizer, Func<DateOnly>? today = null, WerkwijzeFollowUp? followUp = null, Installations.IMunicipalContacts? municipalContacts = null, PracticeCasesContent? practice = null)
        : base(DialogId)
    {
        _practice = practice;
        _municipalContacts = municipalContacts;
        _content = content;
        _localizer = localizer;
        _today = today ?? AmsterdamToday;
        _followUp = followUp;
        HelpKey = "werkwijze.help";
        foreach (var step in content.Steps)
        {
            AddStep(step.Id, (context, cancellationToken) => ShowAsync(step, context, cancellationToken));
            AddStep(step.Id + RouteSuffix, (context, cancellationToken) => step.Kind == StepKinds.Record
                ? Task.FromResult(context.End())
                : RouteAsync(step, context, cancellationToken));
        }
    }

    /// <summary>A practice walk has its own help: no decision record at the end, but a comparison with the model answer.</summary>
    public override string? HelpKeyFor(JToken? options) =>
        options is JObject o && o[PracticeOption] is not null ? "practice.help" : HelpKey;

    /// <summary>Every paragraph of a question follows from the content, the answers so far and the municipality's contact point.</summary>
    public override bool RebuildsParagraphs => true;

    public override Task<List<string>> RebuildParagraphsAsync(StepContext step, CancellationToken cancellationToken) =>
        _content.FindStep(step.StepName) is { } contentStep
            ? ParagraphsAsync(contentStep, step, cancellationToken)
            : Task.FromResult(new List<string>());

    /// <summary>Counts walks for the municipality's insight (docs/insight.md); null counts nothing. Practice runs are never counted.</summary>
    public Insight.IInsightRecorder? InsightRecorder { get; init; }

    public override void OnBegun(StepContext run) => WerkwijzeInsight.Begun(InsightRecorder, run);

    public override void OnLeft(StepContext run, DialogExit exit) => WerkwijzeInsight.Left(InsightRecorder, _content, run);

    private async Task<List<string>> ParagraphsAsync(ContentStep step, StepContext context, CancellationToken cancellationToken)
    {
        var local = _municipalContacts is not null && step.Contacts.Contains(MunicipalityContact)
            ? await _municipalContacts.FindAsync(TenantOf(context.Activity), context.Notes.TryGetValue(TeamNote, out var team) ? team : null, cancellationToken).ConfigureAwait(false)
            : null;
        return new ContentParagraphs(_content, _localizer, context.Language).ForStep(step, ChosenOptions(context), local);
    }

    private async Task<StepResult> ShowAsync(ContentStep step, StepContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var paragraphs = await ParagraphsAsync(step, context, cancellationToken).ConfigureAwait(false);
        var title = step.Title.In(language);
        List<PromptCommandButton> commands = step.LegalFramesButton
            ? [new PromptCommandButton { Title = context.T("legal.button"), Command = LegalFrames.LegalFramesDialog.DialogId }]
            : [];
        switch (step.Kind)
        {
            case StepKinds.Choice or StepKinds.Info:
                var spec = new PromptSpec { Kind = PromptKind.Choice, Text = title, Paragraphs = paragraphs, Choices = Choices(step, language), CommandButtons = commands };
                return context.Ask(Practising(spec, step, context));
            case StepKinds.Multi:
                return context.Ask(Practising(new PromptSpec { Kind = PromptKind.MultiChoice, Text = title, Paragraphs = paragraphs, Choices = Choices(step, language), MinSelections = step.MinSelections, CommandButtons = commands }, step, context));
            case StepKinds.Text:
                return context.Ask(Practising(new PromptSpec
                {
                    Kind = PromptKind.Text,
                    Text = title,
                    Paragraphs = paragraphs,
                    Optional = true,
                    Multiline = true,
                    MaxLength = 2000,
                    Transient = true,
                    Placeholder = context.T("werkwijze.freeText.placeholder"),
                }, step, context));
            case StepKinds.Record when IsPractice(context):
                // Practice makes no record (nothing that could end up in a real file or an advisor request).
                return context.End(PracticeWalk.From(context.VisitedSteps, context.Answers, exited: false).ToJson());
            default:
                await SendRecordAsync(context, cancellationToken).ConfigureAwait(false);
                return _followUp is null
                    ? context.End()
                    : context.Replace(WerkwijzeFollowUpDialog.DialogId, new JObject { [WerkwijzeFollowUpDialog.ProfessionOption] = context.Answers.GetValueOrDefault("profession")?.DeepClone() });
        }
    }

    private async Task<StepResult> RouteAsync(ContentStep step, StepContext context, CancellationToken cancellationToken)
    {
        string? next;
        switch (step.Kind)
        {
            case StepKinds.Choice or StepKinds.Info:
                var chosen = context.InputAs<string>();
                next = step.Options.FirstOrDefault(o => o.Id == chosen)?.Next;
                if (next is null)
                {
                    // The content changed under an open question (a deploy): ask the step as it is now.
                    return context.GoTo(step.Id);
                }

                break;
            case StepKinds.Text:
                await ReflectOnFreeTextAsync(context, cancellationToken).ConfigureAwait(false);
                next = step.Next;
                break;
            default:
                next = step.Next;
                break;
        }

        if (next == ContentStep.Exit && IsPractice(context))
        {
            return context.End(PracticeWalk.From(context.VisitedSteps, context.Answers, exited: true).ToJson());
        }

        if (next == ContentStep.Exit)
        {
            await context.SendTextAsync(context.T("werkwijze.exit"), cancellationToken).ConfigureAwait(false);
            return context.End();
        }

        return context.GoTo(next!);
    }

    /// <summary>Feedback on the professional's own words, which are then forgotten (the prompt is transient).</summary>
    private async Task ReflectOnFreeTextAsync(StepContext context, CancellationToken cancellationToken)
    {
        var text = context.InputAs<string>()?.Trim();
        if (string.IsNullOrEmpty(text) || text == "-")
        {
            return;
        }

        var words = _content.JudgementWords.GetValueOrDefault(context.Language) ?? [];
        if (context.Language != Languages.Dutch)
        {
            // People often mix languages in Teams; Dutch judgement words count in every language.
            words = [.. words, .. _content.JudgementWords.GetValueOrDefault(Languages.Dutch) ?? []];
        }

        var findings = FreeTextCheck.Check(text, words);
        var feedback = new List<string>();
        if (findings.IdentifierKinds.Count > 0)
        {
            var kinds = string.Join(", ", findings.IdentifierKinds.Select(k => context.T("privacy.kind." + k)));
            feedback.Add(context.T("werkwijze.freeText.identifiers", kinds));
        }

        feedback.Add(findings.JudgementWords.Count > 0
            ? context.T("werkwijze.freeText.judgement", string.Join(", ", findings.JudgementWords.Select(w => $"'{w}'")))
            : context.T("werkwijze.freeText.noJudgement"));
        feedback.Add(context.T("werkwijze.freeText.notKept"));
        var message = string.Join("\n\n", feedback);
        await context.SendTextAsync(IsPractice(context) ? context.T("practice.label", message) : message, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsPractice(StepContext context) => context.Option(PracticeOption) is not null;

    /// <summary>In a practice walk: the question labelled as practice, with the advisor's hint for this step.</summary>
    private PromptSpec Practising(PromptSpec spec, ContentStep step, StepContext context)
    {
        if (!IsPractice(context))
        {
            return spec;
        }

        var practiceCase = _practice?.Find(context.Option(PracticeOption)?.ToString());
        spec.Text = context.T("practice.label", spec.Text);
        spec.HintTitle = context.T("practice.hint.button");
        spec.Hint = practiceCase is null
            ? [HintFor(null, step, context)]
            : [context.T("practice.hint.case", practiceCase.Title.In(context.Language)), HintFor(practiceCase, step, context)];
        return spec;
    }

    /// <summary>What an advisor would consider here: the model's reasoning, or where this step stands to the model path.</summary>
    private string HintFor(PracticeCase? practiceCase, ContentStep step, StepContext context)
    {
        if (practiceCase?.Model.TryGetValue(step.Id, out var model) == true)
        {
            return model.Why.In(context.Language);
        }

        if (step.Kind == StepKinds.Text)
        {
            return context.T("practice.hint.ownWords");
        }

        var outcome = practiceCase is null ? null : PracticeModelPath.Walk(_content, practiceCase).OutcomeStep;
        if (outcome == step.Id)
        {
            return context.T("practice.hint.outcome");
        }

        return outcome is not null && context.VisitedSteps.Contains(outcome)
            ? context.T("practice.hint.afterOutcome")
            : context.T("practice.hint.offPath");
    }

    private async Task SendRecordAsync(StepContext context, CancellationToken cancellationToken)
    {
        var record = DecisionRecord.Build(_content, context.Language, _today(), context.VisitedSteps, context.Answers);
        var card = DecisionRecordCard.Build(record.Title, record.Intro, record.Fields.Select(f => (f.Label, f.Value)), record.Footer);
        await context.SendCardAsync(card, record.Title, cancellationToken).ConfigureAwait(false);

        // Kept for this conversation so an advisor request can attach it (only option titles and content texts).
        context.Notes[Advisor.AdvisorContactDialog.DecisionRecordNote] = record.ToPlainText();

        var plain = MessageFactory.Text(context.T("werkwijze.record.copy") + "\n\n" + record.ToPlainText());
        plain.TextFormat = TextFormatTypes.Plain;
        await context.SendAsync(plain, cancellationToken).ConfigureAwait(false);
    }

    private static string? TenantOf(IActivity activity) =>
        activity.Conversation?.TenantId is { Length: > 0 } tenant ? tenant : (activity.ChannelData as Newtonsoft.Json.Linq.JObject)?["tenant"]?["id"]?.ToString();

    /// <summary>The option chosen at each single-choice step so far (for the legal frame and consent rule).</summary>
    private static Dictionary<string, string> ChosenOptions(StepContext context) =>
        context.Answers.Where(a => a.Value.Type == JTokenType.String).ToDictionary(a => a.Key, a => a.Value.ToString(), StringComparer.Ordinal);

    private static List<PromptChoice> Choices(ContentStep step, string language) =>
        step.Options.Select(o => new PromptChoice(o.Id, o.Title.In(language))).ToList();

    private static DateOnly AmsterdamToday()
    {
        try
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Amsterdam"));
        }
        catch (TimeZoneNotFoundException)
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }
    }
}
