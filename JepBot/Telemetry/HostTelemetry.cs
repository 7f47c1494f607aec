using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JepBot.Telemetry;

/// <summary>
/// Traces and metrics of the host: a span per turn and per delivery attempt, counts of turns, deliveries and retries.
/// Tags name activity and conversation types, request kinds, references and outcomes: never text, names or ids of
/// people (docs/data-inventory.md; TelemetryScanTests scans every span for typed identifiers).
/// </summary>
public static class HostTelemetry
{
    public const string Name = "JepBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("jepbot.turns", description: "Turns handled");

    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("jepbot.handoff.deliveries", description: "Requests delivered to a target");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("jepbot.handoff.retries", description: "Delivery attempts that failed and will be retried");
}
