using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using JepBot.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Reliability;

/// <summary>
/// Hostile input through the real HTTP host: at least 10,000 activities and card submits, generated from a fixed seed
/// by mutating real Teams activities and the cards the bot just sent (fields removed, replaced by values of any type,
/// huge or odd strings, forged tickets, broken bodies). Whatever arrives: no 5xx, no turn fails, nothing is logged as
/// an unhandled error, and afterwards every conversation still loads and answers a normal turn.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    public const int Seed = 20261124;
    public const int Activities = 10_000;

    private static readonly string[] Texts =
        ["menu", "zorg", "help", "terug", "stop", "taal en", "taal nl", "juridische kaders", "acuut", "werkatelier", "adviseur", "oefenen", "privacy", "hallo", "1", "2", "ja", "nee",
         "", " ", "😀🙈", "<at>JepBot</at>", "<script>alert(1)</script>", "'; DROP TABLE state; --", "\u0000\u0007\u001b[31m", "%s%n%x", "../../etc/passwd", "Z̷̢a̸l̵g̶o̴", "\ud800", "null", "{}", "[]"];

    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(BotHost.NewDatabasePath());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Ten_thousand_mutated_activities_get_no_5xx_and_every_conversation_still_works()
    {
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var statuses = new Dictionary<int, int>();
        var kinds = new Dictionary<string, int>();
        var conversations = Enumerable.Range(0, 40).Select(i => "a:fuzz-" + i).ToList();
        var lastCards = new Dictionary<string, JObject>();
        using var client = _host.CreateClient();

        for (var i = 0; i < Activities; i++)
        {
            var conversation = conversations[random.Next(conversations.Count)];
            var (body, contentType, kind) = Next(random, conversation, lastCards.GetValueOrDefault(conversation));
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var before = _connector.Received.Count;

            using var content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is not (200 or 400 or 403 or 413 or 415))
            {
                Assert.Fail($"activity {i} ({kind}): HTTP {status}\n{Preview(body)}\n{string.Join("\n", _host.Logs.Lines.TakeLast(5))}");
            }

            foreach (var sent in _connector.Received.Skip(before))
            {
                if (sent.Reply.Card is { } card)
                {
                    lastCards[sent.ConversationId] = card;
                }
            }
        }

        var fuzzSeconds = clock.Elapsed.TotalSeconds;
        var errors = _host.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal) || l.Contains("Turn failed", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));

        // Afterwards: every conversation answers an ordinary "menu" with the menu card.
        foreach (var conversation in conversations)
        {
            var before = _connector.Received.Count;
            var response = await _host.PostActivityAsync(Support.Activities.Message(_connector.ServiceUrl, conversation, "menu"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(_connector.Received.Skip(before), r => r.ConversationId == conversation && r.Reply.Card is not null);
        }

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var md = new StringBuilder();
        md.AppendLine("## Fuzz test");
        md.AppendLine();
        md.AppendLine($"`FuzzTests` (seed {Seed}) sent {Activities:N0} generated requests to `/api/messages` over {conversations.Count} conversations in {fuzzSeconds:F1} s,");
        md.AppendLine("then an ordinary `menu` in each conversation (all answered with the menu card) and `/healthz` (200).");
        md.AppendLine($"No 5xx, no turn failed, no error logged. Run on {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores).");
        md.AppendLine();
        md.AppendLine("| request kind | count |");
        md.AppendLine("| --- | ---: |");
        foreach (var (kind, count) in kinds.OrderByDescending(k => k.Value))
        {
            md.AppendLine($"| {kind} | {count:N0} |");
        }

        md.AppendLine();
        md.AppendLine("| HTTP status | count |");
        md.AppendLine("| --- | ---: |");
        foreach (var (status, count) in statuses.OrderBy(s => s.Key))
        {
            md.AppendLine($"| {status} | {count:N0} |");
        }

        md.AppendLine();
        md.AppendLine("Reproduce: `dotnet test JepBot.Tests --filter FullyQualifiedName~Reliability.FuzzTests`.");
        ReliabilityReport.Write("fuzz", md.ToString());
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 600 ? text[..600] + "…" : text;
    }

    private (byte[] Body, string? ContentType, string Kind) Next(Random random, string conversation, JObject? lastCard)
    {
        var roll = random.Next(100);
        if (roll < 4)
        {
            return BrokenBody(random);
        }

        var (activity, kind) = roll switch
        {
            < 30 => (Message(random, conversation, Texts[random.Next(Texts.Length)]), "text"),
            < 55 when lastCard is not null => (Message(random, conversation, null, Submit(random, lastCard)), "card submit"),
            < 65 => (Message(random, conversation, null, (JObject)RandomValue(random, 0, objectOnly: true)), "random submit"),
            < 72 => (Lifecycle(random, conversation), "install or member event"),
            < 77 => (Other(random, conversation), "other activity type"),
            _ => (Message(random, conversation, Texts[random.Next(Texts.Length)]), "text"),
        };

        if (random.Next(100) < 45)
        {
            Mutate(random, activity, random.Next(1, 4));
            kind += ", mutated";
        }

        return (Encoding.UTF8.GetBytes(activity.ToString(Formatting.None)), "application/json", kind);
    }

    private JObject Message(Random random, string conversation, string? text, JObject? value = null)
    {
        var type = random.Next(10) == 0 ? "channel" : "personal";
        var activity = Support.Activities.Message(_connector.ServiceUrl, conversation, text, value, conversationType: type, locale: random.Next(4) == 0 ? "en-US" : "nl-NL", userId: "29:fuzz-" + random.Next(3));
        if (type == "channel")
        {
            activity["channelData"]!["team"] = new JObject { ["id"] = "19:fuzz-team@thread.tacv2" };
        }

        return activity;
    }

    private JObject Lifecycle(Random random, string conversation) => random.Next(2) == 0
        ? Support.Activities.BotAdded(_connector.ServiceUrl, conversation, random.Next(2) == 0 ? "personal" : "channel")
        : Support.Activities.InstallationAdd(_connector.ServiceUrl, conversation, "personal");

    private JObject Other(Random random, string conversation)
    {
        var activity = Message(random, conversation, "x");
        activity["type"] = new[] { "invoke", "event", "messageReaction", "messageUpdate", "messageDelete", "typing", "endOfConversation", "installationUpdate", "conversationUpdate", "trace", "handoff", "unknownType" }[random.Next(12)];
        activity["name"] = random.Next(2) == 0 ? "adaptiveCard/action" : "composeExtension/query";
        return activity;
    }

    /// <summary>A click on the last card: a real button's data and inputs, often with some of it mutated.</summary>
    private static JObject Submit(Random random, JObject card)
    {
        var buttons = card.SelectTokens("$..actions[*].data").OfType<JObject>().ToList();
        var data = buttons.Count > 0 ? (JObject)buttons[random.Next(buttons.Count)].DeepClone() : new JObject();
        foreach (var input in card.SelectTokens("$..[?(@.id)]").OfType<JObject>())
        {
            data[(string)input["id"]!] = random.Next(3) == 0 ? RandomValue(random, 0) : (JToken)"een antwoord";
        }

        if (random.Next(3) == 0)
        {
            Mutate(random, data, 1);
        }

        return data;
    }

    /// <summary>Removes, replaces or adds fields anywhere in the object (never the serviceUrl: the bot would call it).</summary>
    private static void Mutate(Random random, JObject root, int times)
    {
        for (var t = 0; t < times; t++)
        {
            var properties = root.Descendants().OfType<JProperty>().Where(p => p.Name != "serviceUrl").ToList();
            if (properties.Count == 0)
            {
                root["x" + random.Next(100)] = RandomValue(random, 0);
                continue;
            }

            var target = properties[random.Next(properties.Count)];
            switch (random.Next(3))
            {
                case 0:
                    target.Remove();
                    break;
                case 1:
                    target.Value = RandomValue(random, 0);
                    break;
                default:
                    if (target.Value is JObject inner)
                    {
                        inner["fuzz" + random.Next(100)] = RandomValue(random, 0);
                    }
                    else
                    {
                        target.Value = RandomValue(random, 0);
                    }

                    break;
            }
        }
    }

    private static JToken RandomValue(Random random, int depth, bool objectOnly = false)
    {
        var pick = objectOnly ? 8 : random.Next(depth > 3 ? 7 : 10);
        return pick switch
        {
            0 => JValue.CreateNull(),
            1 => new JValue(random.Next(2) == 0),
            2 => new JValue(random.Next(3) switch { 0 => random.Next(), 1 => -random.NextInt64(), _ => long.MaxValue }),
            3 => new JValue(random.NextDouble() * Math.Pow(10, random.Next(-5, 300))),
            4 => new JValue(new string((char)random.Next(32, 0x2FFF), random.Next(0, 5000))),
            5 => new JValue(Texts[random.Next(Texts.Length)]),
            6 => new JValue(random.Next(3) == 0 ? "2026-13-45T99:99:99" : Guid.NewGuid().ToString()),
            7 => new JArray(Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomValue(random, depth + 1))),
            _ => new JObject(Enumerable.Range(0, random.Next(0, 5)).Select(i => new JProperty(
                new[] { "jep", "d", "s", "c", "choice", "choices", "text", "refresh", "start", "municipalContact", "handoff", "value", "id" }[random.Next(13)] + (random.Next(3) == 0 ? i.ToString(CultureInfo.InvariantCulture) : ""),
                RandomValue(random, depth + 1))).GroupBy(p => p.Name).Select(g => g.First())),
        };
    }

    private static (byte[], string?, string) BrokenBody(Random random)
    {
        var valid = Encoding.UTF8.GetBytes(Support.Activities.Message("http://127.0.0.1:9/", "a:fuzz-broken", "menu").ToString(Formatting.None));
        return random.Next(7) switch
        {
            0 => (valid[..random.Next(1, valid.Length - 1)], "application/json", "truncated JSON"),
            1 => (Enumerable.Range(0, random.Next(1, 500)).Select(_ => (byte)random.Next(256)).ToArray(), "application/json", "random bytes"),
            2 => (valid, random.Next(2) == 0 ? "text/plain" : null, "wrong content type"),
            3 => (Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "application/json", "deep nesting"),
            4 => (Encoding.UTF8.GetBytes("[" + Encoding.UTF8.GetString(valid) + "]"), "application/json", "array body"),
            5 => (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('a', 300 * 1024) + "\"}"), "application/json", "oversized body"),
            _ => ([], "application/json", "empty body"),
        };
    }
}
