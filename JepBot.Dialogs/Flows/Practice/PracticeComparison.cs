using JepBot.Dialogs.Content;

namespace JepBot.Dialogs.Flows.Practice;

/// <summary>How a professional's answer at one step compares with the model answer.</summary>
public enum PracticeVerdict
{
    Match,

    /// <summary>A checklist where some, not all, of the ticked options are the model's.</summary>
    Partly,
    Differs,

    /// <summary>The professional's route never came to this question.</summary>
    NotReached,
}

/// <summary>One decision of the model path: the question, what the professional chose, the model answer, and why.</summary>
/// <param name="Yours">The titles of the options the professional chose; empty when the step was not reached.</param>
public sealed record PracticeComparisonRow(string Step, string Question, IReadOnlyList<string> Yours, IReadOnlyList<string> Model, PracticeVerdict Verdict, string Why);

/// <summary>
/// A practice walk next to a case's model answer: every decision of the model path in its order, and the outcome each
/// reached. Built from content in the user's language; texts around it come from the resources.
/// </summary>
public sealed class PracticeComparison
{
    private PracticeComparison(IReadOnlyList<PracticeComparisonRow> rows, string yourOutcome, string modelOutcome, bool outcomeMatches)
    {
        Rows = rows;
        YourOutcome = yourOutcome;
        ModelOutcome = modelOutcome;
        OutcomeMatches = outcomeMatches;
    }

    public IReadOnlyList<PracticeComparisonRow> Rows { get; }

    /// <summary>Where the professional's walk ended, as the title of that step (and of the option that stopped it).</summary>
    public string YourOutcome { get; }

    public string ModelOutcome { get; }

    public bool OutcomeMatches { get; }

    public int Matches => Rows.Count(r => r.Verdict == PracticeVerdict.Match);

    public bool AllMatch => Matches == Rows.Count && OutcomeMatches;

    public static PracticeComparison Build(WerkwijzeContent content, PracticeCase practiceCase, PracticeWalk walk, string language)
    {
        var path = PracticeModelPath.Walk(content, practiceCase);
        var rows = new List<PracticeComparisonRow>();
        foreach (var stepId in path.Steps.Where(practiceCase.Model.ContainsKey))
        {
            var step = content.FindStep(stepId)!;
            var model = practiceCase.Model[stepId].Options;
            var yours = walk.Path.Contains(stepId) ? walk.Chosen(stepId) : [];
            rows.Add(new PracticeComparisonRow(stepId, step.Title.In(language), Titles(step, yours, language), Titles(step, model, language), Verdict(yours, model), practiceCase.Model[stepId].Why.In(language)));
        }

        var modelExit = practiceCase.Outcome == ContentStep.Exit;
        var modelOutcome = path.OutcomeStep;
        var modelChoice = modelOutcome is not null && practiceCase.Model.TryGetValue(modelOutcome, out var answer) ? answer.Options : [];
        var yourOutcome = walk.Exited ? walk.Path.LastOrDefault() : walk.Path.LastOrDefault(s => content.FindStep(s) is { } step && PracticeModelPath.IsOutcome(step));
        var matches = walk.Exited == modelExit && yourOutcome is not null && yourOutcome == modelOutcome;
        return new PracticeComparison(
            rows,
            Outcome(content, yourOutcome, walk.Exited, walk.Chosen(yourOutcome ?? ""), language),
            Outcome(content, modelOutcome, modelExit, modelChoice, language),
            matches);
    }

    private static PracticeVerdict Verdict(IReadOnlyList<string> yours, IReadOnlyList<string> model)
    {
        if (yours.Count == 0)
        {
            return PracticeVerdict.NotReached;
        }

        if (yours.Order(StringComparer.Ordinal).SequenceEqual(model.Order(StringComparer.Ordinal)))
        {
            return PracticeVerdict.Match;
        }

        // Only a checklist can overlap without being equal: some of the ticked options are the model's.
        return yours.Intersect(model).Any() ? PracticeVerdict.Partly : PracticeVerdict.Differs;
    }

    private static List<string> Titles(ContentStep step, IEnumerable<string> options, string language) =>
        [.. options.Select(id => step.Options.FirstOrDefault(o => o.Id == id)?.Title.In(language) ?? id)];

    /// <summary>The outcome step's title; for an exit also the option that stopped there ("Acuut gevaar → Nu stoppen").</summary>
    private static string Outcome(WerkwijzeContent content, string? stepId, bool exited, IReadOnlyList<string> chosen, string language)
    {
        if (stepId is null || content.FindStep(stepId) is not { } step)
        {
            return "–";
        }

        var title = step.Title.In(language);
        if (!exited)
        {
            return title;
        }

        var option = chosen.Count == 1 ? chosen[0] : step.Options.FirstOrDefault(o => o.Next == ContentStep.Exit)?.Id;
        return step.Options.FirstOrDefault(o => o.Id == option) is { } exitOption ? $"{title} → {exitOption.Title.In(language)}" : title;
    }
}
