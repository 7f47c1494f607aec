namespace JepBot.Dialogs.Content;

/// <summary>
/// The route a practice case's model answers take through the Werkwijze: from the first step, following the content's
/// own routing with the model answer at every decision, up to the case's outcome. The validator uses it to prove a
/// case fits the Werkwijze as it is now; the comparison uses it to list the model's decisions in the order they come.
/// </summary>
public sealed class PracticeModelPath
{
    private PracticeModelPath(IReadOnlyList<string> steps, string? problem)
    {
        Steps = steps;
        Problem = problem;
    }

    /// <summary>The steps on the path in order. The last is the outcome step, or for an exit the step whose answer exits.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>Why the model answers do not lead to the outcome; null when they do.</summary>
    public string? Problem { get; }

    /// <summary>The step where the model path ends: the outcome step, or for an exit the step that exits.</summary>
    public string? OutcomeStep => Problem is null && Steps.Count > 0 ? Steps[^1] : null;

    /// <summary>A step where the professional decides something, so a model answer is needed: a question or a card with a choice.</summary>
    public static bool IsDecision(ContentStep step) =>
        step.Kind is StepKinds.Choice or StepKinds.Multi || (step.Kind == StepKinds.Info && step.Options.Count > 1);

    /// <summary>A step that states the outcome in the decision record (an info step that sets a record field).</summary>
    public static bool IsOutcome(ContentStep step) => step.Kind == StepKinds.Info && step.Sets.Count > 0;

    public static PracticeModelPath Walk(WerkwijzeContent content, PracticeCase practiceCase)
    {
        var steps = new List<string>();
        var step = content.FirstStep;
        while (true)
        {
            if (steps.Contains(step.Id))
            {
                return new(steps, $"the model path runs in a circle at step '{step.Id}'");
            }

            steps.Add(step.Id);
            if (step.Id == practiceCase.Outcome)
            {
                return new(steps, null);
            }

            if (step.Kind == StepKinds.Record)
            {
                return new(steps, $"the model path reaches the record without passing the outcome '{practiceCase.Outcome}'");
            }

            string? next;
            if (!IsDecision(step))
            {
                next = step.Kind == StepKinds.Info ? step.Options.FirstOrDefault()?.Next : step.Next;
            }
            else if (!practiceCase.Model.TryGetValue(step.Id, out var answer))
            {
                return new(steps, $"the model has no answer for step '{step.Id}', which is on its path");
            }
            else if (step.Kind == StepKinds.Multi)
            {
                next = step.Next;
            }
            else
            {
                var chosen = answer.Options.Count == 1 ? answer.Options[0] : null;
                next = step.Options.FirstOrDefault(o => o.Id == chosen)?.Next;
                if (next is null)
                {
                    return new(steps, $"the model answer of step '{step.Id}' is not one of its options");
                }
            }

            if (next == ContentStep.Exit)
            {
                return practiceCase.Outcome == ContentStep.Exit
                    ? new(steps, null)
                    : new(steps, $"the model path stops at step '{step.Id}' (exit) instead of reaching the outcome '{practiceCase.Outcome}'");
            }

            if (next is null || content.FindStep(next) is not { } following)
            {
                return new(steps, $"the model path cannot go on after step '{step.Id}'");
            }

            step = following;
        }
    }
}
