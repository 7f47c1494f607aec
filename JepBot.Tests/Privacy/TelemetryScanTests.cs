using System.Diagnostics;
using System.Net;
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
    private BotReply? _lastCard;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(
            BotHost.NewDatabasePath(),
            new Dictionary<string, string?> { ["Handoff:RegistrationCode"] = Code, ["Handoff:PollSeconds"] = "0.2", ["Telemetry:Console"] = "false" },
            services: s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(_spans)).WithMetrics(m => m.AddInMemoryExporter(_metrics)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task No_identifying_detail_typed_in_the_main_flows_reaches_logs_spans_or_metrics()
    {
        await ChannelAsync("registreer adviseurskanaal " + Code);

        // The Werkwijze, with the details typed as answers and into its free-text question.
        await SayAsync("zorg");
        await SayAsync(Identifying);
        foreach (var (field, value) in new[] { ("choice", "no"), ("choice", "teacher"), ("choice", "16to17"), ("choices", "ideology,onlineContent"), ("choices", "openToTalk") })
        {
            await AnswerAsync(field, value);
        }

        await SayAsync(Identifying);
        await AnswerAsync("choice", "ideasOnly");
        await AnswerAsync("choice", "record");

        // An advisor request with the details in its question, and a werkatelier request with them in its remarks.
        await ClickAsync("Een JEP-adviseur laten meedenken");
        await AnswerAsync("choice", "sharing");
        await AnswerAsync("choice", "week");
        await SubmitAsync(new JObject { ["way"] = "teams", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "", ["organisation"] = "" });
        await SayAsync(Identifying);
        await AnswerAsync("choice", "ok");
        await AnswerAsync("choice", "no");
        await ClickAsync("Versturen");
        await SayAsync("werkatelier");
        await ClickAsync("Aanvraag starten");
        await SubmitAsync(new JObject
        {
            ["municipality"] = "Zaanstad", ["organisation"] = "Team Jeugd", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl", ["phone"] = "075 123 4567",
            ["period"] = "voorjaar 2027", ["participants"] = "12", ["groups"] = "teachers", ["location"] = "chain", ["remarks"] = Identifying,
        });
        await ClickAsync("Versturen");
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

    private async Task SayAsync(string? text, JObject? value = null)
    {
        var before = _connector.Received.Count;
        var response = await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, Chat, text, value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _lastCard = _connector.Received.Skip(before).Where(r => r.ConversationId == Chat && r.Reply.Card is not null && !r.IsNewThread && !r.IsUpdate).Select(r => r.Reply).LastOrDefault() ?? _lastCard;
    }

    private Task AnswerAsync(string field, string value)
    {
        var data = (JObject)_lastCard!.Card!.SelectTokens("$..actions[*].data").OfType<JObject>().First(d => d["jep"]?["c"] is null).DeepClone();
        data.Remove("choice");
        data[field] = value;
        return SayAsync(null, data);
    }

    private Task SubmitAsync(JObject inputs)
    {
        var data = (JObject)_lastCard!.Card!.SelectTokens("$..actions[*].data").OfType<JObject>().First(d => d["jep"]?["c"] is null).DeepClone();
        data.Merge(inputs);
        return SayAsync(null, data);
    }

    private Task ClickAsync(string title) => SayAsync(null, _lastCard!.ButtonData(title));

    private async Task ChannelAsync(string text)
    {
        var response = await _host.PostActivityAsync(Activities.ChannelMessage(_connector.ServiceUrl, "19:advisors-scan@thread.tacv2", text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
