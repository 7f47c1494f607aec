namespace JepBot.Dialogs.Engine;

/// <summary>A waterfall step: runs, may send messages, and says what happens next.</summary>
public delegate Task<StepResult> WaterfallStep(StepContext step, CancellationToken cancellationToken);

/// <summary>
/// A dialog made of named steps that run in order. A step may run more than once: "back", "taal" and
/// redisplay run it again with the same input. So a step must do nothing but send messages and decide
/// what comes next; durable side effects belong in a step that then moves on rather than asking.
/// </summary>
public class WaterfallDialog
{
    private readonly List<(string Name, WaterfallStep Step)> _steps = [];

    public WaterfallDialog(string id) => Id = id;

    public string Id { get; }

    /// <summary>Optional help text key shown on "help" while this dialog is active.</summary>
    public string? HelpKey { get; init; }

    /// <summary>The help text key for a run started with these options (a practice walk explains itself differently).</summary>
    public virtual string? HelpKeyFor(Newtonsoft.Json.Linq.JToken? options) => HelpKey;

    /// <summary>
    /// True when this dialog can rebuild the paragraphs of a question it asked (<see cref="RebuildParagraphsAsync"/>).
    /// The engine then stores the waiting question without them: they are most of a conversation's state.
    /// </summary>
    public virtual bool RebuildsParagraphs => false;

    /// <summary>
    /// The paragraphs of the question <paramref name="step"/> asked in an earlier turn, built again from content and the
    /// answers so far, for when the question is shown again (an invalid answer, "help", after an interruption).
    /// </summary>
    public virtual Task<List<string>> RebuildParagraphsAsync(StepContext step, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"Dialog '{Id}' does not rebuild paragraphs.");

    /// <summary>
    /// Called once when a run of this dialog is put on the stack, before its first step runs; <paramref name="run"/>
    /// shows its options and the conversation's notes. For bookkeeping such as counting (<c>Insight/</c>): it must not
    /// throw, send anything or do I/O. The default does nothing.
    /// </summary>
    public virtual void OnBegun(StepContext run)
    {
    }

    /// <summary>
    /// Called once when a run of this dialog leaves the stack: it ended itself, replaced itself, or was removed
    /// unfinished (<see cref="DialogExit"/>). <paramref name="run"/> still shows its options, answers and visited steps;
    /// its <see cref="StepContext.StepName"/> is the last question the run asked (for a removed run, the question that
    /// was open). Not called when stored state is discarded as outdated, nor for a failed turn, whose changes are never
    /// saved. Same rules as <see cref="OnBegun"/>.
    /// </summary>
    public virtual void OnLeft(StepContext run, DialogExit exit)
    {
    }

    public IReadOnlyList<string> StepNames => _steps.Select(s => s.Name).ToList();

    public WaterfallDialog AddStep(string name, WaterfallStep step)
    {
        if (_steps.Any(s => s.Name == name))
        {
            throw new ArgumentException($"Dialog '{Id}' already has a step '{name}'.", nameof(name));
        }

        _steps.Add((name, step));
        return this;
    }

    public bool HasStep(string name) => _steps.Any(s => s.Name == name);

    public string FirstStep => _steps.Count > 0 ? _steps[0].Name : throw new InvalidOperationException($"Dialog '{Id}' has no steps.");

    /// <summary>The step after <paramref name="name"/>, or null when it was the last.</summary>
    public string? StepAfter(string name)
    {
        var index = _steps.FindIndex(s => s.Name == name);
        return index >= 0 && index + 1 < _steps.Count ? _steps[index + 1].Name : null;
    }

    public WaterfallStep GetStep(string name) =>
        _steps.FirstOrDefault(s => s.Name == name).Step ?? throw new KeyNotFoundException($"Dialog '{Id}' has no step '{name}'.");
}
