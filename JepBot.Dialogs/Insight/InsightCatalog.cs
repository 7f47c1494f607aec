using System.Collections.Frozen;
using JepBot.Dialogs.Content;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// The keys insight may count, all taken from content: Werkwijze step ids (where a walk ended), the steps that set
/// the record's decision (outcomes), and the legal-frame items. An event with any other key is not counted, so free
/// text can never become a counter, whatever a dialog passes. Also gives the keys their titles for the card.
/// </summary>
public sealed class InsightCatalog
{
    /// <summary>The record field a step fills with the decision it stands for (werkwijze.json: "sets": { "decision": … }).</summary>
    public const string DecisionField = "decision";

    private readonly WerkwijzeContent _werkwijze;
    private readonly LegalFramesContent _legalFrames;
    private readonly FrozenSet<string> _steps;
    private readonly FrozenSet<string> _outcomes;
    private readonly FrozenSet<string> _legalItems;

    public InsightCatalog(WerkwijzeContent werkwijze, LegalFramesContent legalFrames)
    {
        _werkwijze = werkwijze;
        _legalFrames = legalFrames;
        _steps = werkwijze.Steps.Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        _outcomes = werkwijze.Steps.Where(IsOutcome).Select(s => s.Id).ToFrozenSet(StringComparer.Ordinal);
        _legalItems = legalFrames.Items.Select(i => i.Id).ToFrozenSet(StringComparer.Ordinal);
    }

    public static InsightCatalog Default { get; } = new(WerkwijzeContentLoader.Default, LegalFramesValidator.Default);

    /// <summary>The outcomes in content order (for the card).</summary>
    public IEnumerable<string> Outcomes => _werkwijze.Steps.Where(s => _outcomes.Contains(s.Id)).Select(s => s.Id);

    /// <summary>True when the event is well formed and its key is a content id of the right kind.</summary>
    public bool Allows(InsightEvent insightEvent) => insightEvent.IsWellFormed && insightEvent.Metric switch
    {
        InsightMetric.ConcernEndedAt => _steps.Contains(insightEvent.Key),
        InsightMetric.ConcernOutcome => _outcomes.Contains(insightEvent.Key),
        InsightMetric.LegalFrameOpened => _legalItems.Contains(insightEvent.Key),
        _ => true,
    };

    /// <summary>
    /// The outcome of a walk that reached the record: the last step on its path that set the decision; the record
    /// step itself when none did (content without decisions).
    /// </summary>
    public static string OutcomeOf(WerkwijzeContent werkwijze, IEnumerable<string> visitedSteps)
    {
        var visited = visitedSteps.Select(werkwijze.FindStep).OfType<ContentStep>().ToList();
        return (visited.LastOrDefault(s => s.Sets.ContainsKey(DecisionField)) ?? visited.LastOrDefault(s => s.Kind == StepKinds.Record) ?? werkwijze.Steps.First(s => s.Kind == StepKinds.Record)).Id;
    }

    /// <summary>The title of a key in this language: a step's title, a legal-frame item's title, or the key itself when content no longer has it.</summary>
    public string Title(InsightMetric metric, string key, string language) => metric switch
    {
        InsightMetric.ConcernEndedAt or InsightMetric.ConcernOutcome => _werkwijze.FindStep(key)?.Title.In(language) ?? key,
        InsightMetric.LegalFrameOpened => _legalFrames.Find(key)?.Title.In(language) ?? key,
        _ => key,
    };

    /// <summary>Where a key stands in its content (steps and legal-frame items in file order), for listing; unknown keys last.</summary>
    public int Position(InsightMetric metric, string key)
    {
        var index = metric switch
        {
            InsightMetric.ConcernEndedAt or InsightMetric.ConcernOutcome => _werkwijze.Steps.FindIndex(s => s.Id == key),
            InsightMetric.LegalFrameOpened => _legalFrames.Items.Select(i => i.Id).ToList().IndexOf(key),
            _ => 0,
        };
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>A record step counts as an outcome too, so content without decision steps still has one.</summary>
    private static bool IsOutcome(ContentStep step) => step.Sets.ContainsKey(DecisionField) || step.Kind == StepKinds.Record;
}
