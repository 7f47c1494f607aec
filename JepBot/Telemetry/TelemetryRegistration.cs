using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JepBot.Telemetry;

/// <summary>OpenTelemetry for the host's and the engine's sources: OTLP when an endpoint is set, the console in Development.</summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddJepBotTelemetry(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(TelemetryOptions.IsValid, "Telemetry:OtlpEndpoint must be an absolute http(s) URL or empty.")
            .ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        var console = options.Console ?? environment.IsDevelopment();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("JepBot"))
            .WithTracing(tracing =>
            {
                // Always on: a turn's span has ASP.NET Core's request activity as parent, which is not recorded here
                // (no HTTP instrumentation), and the default parent-based sampler would drop every turn with it.
                tracing.AddSource(HostTelemetry.Name, Dialogs.Engine.EngineTelemetry.Name).SetSampler(new AlwaysOnSampler());
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(HostTelemetry.Name, Dialogs.Engine.EngineTelemetry.Name);
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }
}
