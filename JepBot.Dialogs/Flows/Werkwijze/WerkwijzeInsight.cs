using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Insight;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// What a Werkwijze walk counts for the municipality's insight (docs/insight.md), kept out of the dialog itself:
/// started when the run begins; when it leaves the stack, finished with its outcome if it reached the decision record,
/// otherwise ended at the question that was open (stopped, menu, another feature, or a route to "exit").
/// </summary>
internal static class WerkwijzeInsight
{
    public static void Begun(IInsightRecorder? recorder, StepContext run) =>
        InsightRecording.Record(recorder, run, InsightMetric.ConcernStarted);

    public static void Left(IInsightRecorder? recorder, WerkwijzeContent content, StepContext run)
    {
        if (recorder is null)
        {
            return;
        }

        var visited = run.VisitedSteps.ToList();
        if (visited.Any(s => content.FindStep(s)?.Kind == StepKinds.Record))
        {
            InsightRecording.Record(recorder, run, InsightMetric.ConcernFinished);
            InsightRecording.Record(recorder, run, InsightMetric.ConcernOutcome, InsightCatalog.OutcomeOf(content, visited));
        }
        else if (content.FindStep(run.StepName) is { } open)
        {
            InsightRecording.Record(recorder, run, InsightMetric.ConcernEndedAt, open.Id);
        }
    }
}
