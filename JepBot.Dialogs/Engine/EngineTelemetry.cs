using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JepBot.Dialogs.Engine;

/// <summary>
/// Traces and metrics of the dialog engine (System.Diagnostics, exported by the host's OpenTelemetry when configured):
/// a span and a count per step that runs. Tags are dialog and step names from code and content, never input.
/// </summary>
public static class EngineTelemetry
{
    public const string Name = "JepBot.Dialogs";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Steps = Meter.CreateCounter<long>("jepbot.dialog.steps", description: "Dialog steps run");

    /// <summary>Starts the span of one step (null when nobody listens) and counts it.</summary>
    public static Activity? StartStep(string dialogId, string step)
    {
        Steps.Add(1, new KeyValuePair<string, object?>("jepbot.dialog", dialogId));
        var span = Source.StartActivity("dialog.step");
        span?.SetTag("jepbot.dialog", dialogId);
        span?.SetTag("jepbot.step", step);
        return span;
    }
}
