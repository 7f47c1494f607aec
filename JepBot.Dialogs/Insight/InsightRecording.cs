using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Flows.Werkwijze;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// How dialogs report to an <see cref="IInsightRecorder"/>: nothing without a recorder, nothing in practice mode, the
/// team note of the conversation as the municipality's hint, and never an exception into the user's turn.
/// </summary>
public static class InsightRecording
{
    /// <summary>
    /// The dialog option that marks a practice run (<c>{"practice": caseId}</c>). While any run on the stack has it,
    /// nothing is counted: practising is not a real worry.
    /// </summary>
    public const string PracticeOption = Flows.Werkwijze.WerkwijzeDialog.PracticeOption;

    /// <summary>
    /// True when this run, or a run below it (an interruption inside a practice walk), is practice: a Werkwijze run
    /// with the practice option, or the practice dialog itself (which shows the case before the walk starts).
    /// </summary>
    public static bool IsPractice(StepContext step) =>
        step.Option(PracticeOption) is not null
        || step.Turn.State.Stack.Any(run => run.DialogId == Flows.Practice.PracticeDialog.DialogId
            || (run.Options is JObject options && options[PracticeOption] is { Type: not JTokenType.Null }));

    public static void Record(IInsightRecorder? recorder, StepContext step, InsightMetric metric, string key = "")
    {
        if (recorder is null || IsPractice(step))
        {
            return;
        }

        try
        {
            recorder.Record(step.Turn.Context, step.Notes.TryGetValue(WerkwijzeDialog.TeamNote, out var team) ? team : null, InsightEvent.Of(metric, key));
        }
        catch (Exception)
        {
            // The recorder's own contract is not to throw; should one still do, counting loses one event, the user nothing.
        }
    }
}
