using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Benchmarks;

public sealed record LoadResult(string Bot, int Concurrency, int Turns, double Seconds, double P50, double P95, double P99, int Errors)
{
    public double Throughput => Turns / Seconds;
}

/// <summary>Closed-loop load over HTTP: each worker is one conversation and sends its next turn when the last one is answered.</summary>
public sealed class Load(HttpClient http, Connector connector)
{
    /// <summary>The Werkwijze path of WerkwijzeFlowTests' "consent given" branch: 16 answers to the decision record ("text:" = typed).</summary>
    public static readonly string[] FlowPath =
    [
        "safety=no", "profession=youthWorker", "age=16to17", "signals=ideology+onlineContent", "counterSignals=openToTalk",
        "ownWords=text:-", "scope=risk", "advice=colleague+ess", "adviceOutcome=concernRemains", "conversation=spoken",
        "riskFor=environment", "riskLevel=serious", "consent=given", "shareWithConsent=continue", "withWhom=municipality+police",
        "agreements=whoDoesWhat+feedback",
    ];

    public static string ConversationId(string tag, int n) => $"a:bench-{tag}-{n}";

    public static string UserId(string tag, int n) => $"29:bench-{tag}-{n}";

    /// <summary>Echo: every turn is a plain message.</summary>
    public Task<LoadResult> EchoAsync(string bot, string url, int concurrency, TimeSpan warmup, TimeSpan duration) =>
        RunAsync(bot, url, concurrency, warmup, duration, n =>
        {
            var conversation = ConversationId("echo", n);
            var user = UserId("echo", n);
            var i = 0;
            return () => Task.FromResult(Activity(conversation, user, "hallo " + i++, null));
        });

    /// <summary>Werkwijze: "zorg", then the card submits of <see cref="FlowPath"/> to the decision record, again and again.</summary>
    public Task<LoadResult> FlowAsync(string bot, string url, string tag, int concurrency, TimeSpan warmup, TimeSpan duration) =>
        RunAsync(bot, url, concurrency, warmup, duration, n => FlowTurns(ConversationId(tag, n), UserId(tag, n)));

    public Func<Task<string>> FlowTurns(string conversation, string user)
    {
        var step = 0;
        return () =>
        {
            string body;
            if (step == 0)
            {
                body = Activity(conversation, user, "zorg", null);
            }
            else
            {
                var answer = FlowPath[step - 1][(FlowPath[step - 1].IndexOf('=') + 1)..];
                body = answer.StartsWith("text:", StringComparison.Ordinal)
                    ? Activity(conversation, user, answer["text:".Length..], null)
                    : Activity(conversation, user, null, Submit(connector.LastCard(conversation), answer.Split('+')));
            }

            step = (step + 1) % (FlowPath.Length + 1);
            return Task.FromResult(body);
        };
    }

    /// <summary>The data of Action.Submit on the open question card, as Teams posts it.</summary>
    private static JObject Submit(string? lastCardReply, string[] options)
    {
        var reply = JObject.Parse(lastCardReply ?? throw new InvalidOperationException("no card to answer"));
        var card = (JObject)reply["attachments"]!.First(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")["content"]!;
        var ticket = card.SelectTokens("$..actions[*].data.jep").OfType<JObject>().First(t => t["c"] is null);
        var multi = card.SelectTokens("$..body[?(@.type == 'Input.ChoiceSet')]").Any(t => (bool?)t["isMultiSelect"] == true);
        var data = new JObject { ["jep"] = ticket.DeepClone() };
        if (multi)
        {
            data["choices"] = string.Join(",", options);
        }
        else
        {
            data["choice"] = options.Single();
        }

        return data;
    }

    public string Activity(string conversation, string user, string? text, JObject? value)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = "act-" + Guid.NewGuid().ToString("N")[..10],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JObject { ["id"] = user, ["name"] = "Bench Gebruiker", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["recipient"] = new JObject { ["id"] = "28:jepbot-bench", ["name"] = "JepBot" },
            ["conversation"] = new JObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "tenant-1" } },
            ["locale"] = "nl-NL",
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity.ToString(Formatting.None);
    }

    public async Task<bool> PostAsync(string url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(url, content);
        return response.IsSuccessStatusCode;
    }

    private async Task<LoadResult> RunAsync(string bot, string url, int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, Func<Task<string>>> worker)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = new List<double>[concurrency];
        var errors = 0;
        var tasks = Enumerable.Range(0, concurrency).Select(async n =>
        {
            await Task.Yield();
            var next = worker(n);
            var mine = samples[n] = new List<double>(4096);
            while (true)
            {
                var body = await next();
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt)
                {
                    return;
                }

                bool ok;
                try
                {
                    ok = await PostAsync(url, body);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                var after = Stopwatch.GetTimestamp();
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (before >= measureFrom && after <= stopAt)
                {
                    mine.Add((after - before) * 1000.0 / Stopwatch.Frequency);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        return new LoadResult(bot, concurrency, all.Length, duration.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), errors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
