namespace JepBot.Telemetry;

/// <summary>Configuration section "Telemetry": where OpenTelemetry traces and metrics go (docs/telemetry.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP endpoint (e.g. http://collector:4317). Empty: no OTLP export (the default).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Write traces and metrics to the console. Unset: on in Development only.</summary>
    public bool? Console { get; set; }

    public static bool IsValid(TelemetryOptions o) =>
        string.IsNullOrWhiteSpace(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
