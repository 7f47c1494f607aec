using System.Diagnostics;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JepBot.Tests.Privacy;

/// <summary>
/// The main flows with a young person's identifying details typed into every free-text field (and as answers to
/// questions that expect a choice): not one of them may appear in any log line, span, span event or metric.
/// </summary>
public sealed class TelemetryScanTests : IAsyncLifetime
{
    private const string Code = "scan-registration-code";
    private const string Chat = "a:scan-chat";
    private const string Identifying = "Youssef Amrani, BSN 111222333, Dorpsstraat 12 in Zaandam, tel. 0612345678, youssef.amrani@example.nl";
    private static readonly string[] Needles = ["Youssef", "Amrani", "111222333", "Dorpsstraat", "0612345678", "youssef.amrani@example.nl"];

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;
    private HttpChat _chat = null!;
    private HttpChat _advisors = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(
            BotHost.NewDatabasePath(),
            new Dictionary<string, string?> { ["Handoff:RegistrationCode"] = Code, ["Handoff:PollSeconds"] = "0.2", ["Telemetry:Console"] = "false" },
            services: s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(_spans)).WithMetrics(m => m.AddInMemoryExporter(_metrics)));
        _chat = HttpChat.Personal(() => _host, _connector, Chat);
        _advisors = HttpChat.Channel(() => _host, _connector, "19:advisors-scan@thread.tacv2");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task No_identifying_detail_typed_in_the_main_flows_reaches_logs_spans_or_metrics()
    {
        await _advisors.SayAsync("registreer adviseurskanaal " + Code);

        // The Werkwijze, with the details typed as answers and into its free-text question.
        await _chat.SayAsync("zorg");
        await _chat.SayAsync(Identifying);
        foreach (var (field, value) in new[] { ("choice", "no"), ("choice", "teacher"), ("choice", "16to17"), ("choices", "ideology,onlineContent"), ("choices", "openToTalk") })
        {
            await _chat.AnswerAsync(field, value);
        }

        await _chat.SayAsync(Identifying);
        await _chat.AnswerAsync("choice", "ideasOnly");
        await _chat.AnswerAsync("choice", "record");

        // An advisor request with the details in its question, and a werkatelier request with them in its remarks.
        await _chat.ClickAsync("Een JEP-adviseur laten meedenken");
        await _chat.AnswerAsync("choice", "sharing");
        await _chat.AnswerAsync("choice", "week");
        await _chat.SubmitAsync(new JObject { ["way"] = "teams", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "", ["organisation"] = "" });
        await _chat.SayAsync(Identifying);
        await _chat.AnswerAsync("choice", "ok");
        await _chat.AnswerAsync("choice", "no");
        await _chat.ClickAsync("Versturen");
        await _chat.SayAsync("werkatelier");
        await _chat.ClickAsync("Aanvraag starten");
        await _chat.SubmitAsync(new JObject
        {
            ["municipality"] = "Zaanstad", ["organisation"] = "Team Jeugd", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl", ["phone"] = "075 123 4567",
            ["period"] = "voorjaar 2027", ["participants"] = "12", ["groups"] = "teachers", ["location"] = "chain", ["remarks"] = Identifying,
        });
        await _chat.ClickAsync("Versturen");
        await WaitForAsync(() => _connector.Threads.Count >= 2);

        // The post reaches the connector before the outbox saves and ends its delivery span: wait for both spans.
        await WaitForAsync(() => Snapshot(_spans).Count(IsDelivered) >= 2);
        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var spans = Snapshot(_spans);
        var spanTexts = spans.SelectMany(s => new[] { s.DisplayName }
            .Concat(s.Tags.Select(t => $"{t.Key}={t.Value}"))
            .Concat(s.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(t => $"{t.Key}={t.Value}"))))).ToList();
        var metricTexts = new List<string>();
        foreach (var metric in _metrics)
        {
            metricTexts.Add(metric.Name);
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    metricTexts.Add($"{tag.Key}={tag.Value}");
                }
            }
        }

        // The scan saw real telemetry: turns, dialog steps and both deliveries.
        Assert.True(spans.Count(s => s.DisplayName == "turn") > 20, $"{spans.Count} spans: {string.Join(", ", spans.Select(s => s.DisplayName).Distinct())}");
        Assert.Contains(spans, s => s.DisplayName == "dialog.step" && (string?)s.GetTagItem("jepbot.dialog") == "werkwijze");
        Assert.Equal(2, spans.Count(IsDelivered));
        Assert.Contains(metricTexts, t => t == "jepbot.turns");
        Assert.True(_host.Logs.Lines.Count > 50);

        foreach (var needle in Needles)
        {
            Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(needle, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(spanTexts, t => t.Contains(needle, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(metricTexts, t => t.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static bool IsDelivered(Activity span) => span.DisplayName == "handoff.delivery" && span.Events.Any(e => e.Name == "delivered");

    /// <summary>A copy of what the exporter collected so far: the outbox may still be adding delivery spans from its own thread.</summary>
    private static List<Activity> Snapshot(List<Activity> spans)
    {
        while (true)
        {
            try
            {
                return [.. spans];
            }
            catch (InvalidOperationException)
            {
            }
            catch (ArgumentException)
            {
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
