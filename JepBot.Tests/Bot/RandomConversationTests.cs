using System.Net;
using JepBot.Tests.Cards;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Bot;

/// <summary>
/// Random walks through the real HTTP protocol, as an outside checker does: commands, typed answers, clicks on the
/// current and on old cards, forged card data, odd text, install events and locales, in a personal chat and in a
/// channel. Whatever happens: every request gets 200, every message gets an answer, no turn fails, nothing shows a
/// stack trace, and every card sent renders cleanly in Microsoft's renderer. Seeds are fixed so a failure repeats.
/// </summary>
public sealed class RandomConversationTests : IAsyncLifetime
{
    private static readonly string[] Commands =
        ["help", "hulp", "?", "stop", "annuleer", "cancel", "terug", "vorige", "back", "menu", "opnieuw", "restart", "taal", "taal en", "taal nl", "language english", "taal klingon", "hallo", "Hi!", "acuut", "urgent", "zorg", "Ik maak me zorgen", "I'm worried", "werkatelier", "adviseur", "advisor", "versturen", "registreer adviseurskanaal", "registreer adviseurskanaal 1234", "openstaande aanvragen", "oefenen", "oefenen een-moeder-belt-de-jeugdarts", "oefenen onbekend-id", "practice democratie-werkt-niet", "hint", "tip"];

    private static readonly string[] OddTexts =
        ["", "   ", "1", "0", "99", "ja", "nee", "Over JepBot", "over jepbot!!", "😀", "<script>alert(1)</script>", "{\"jep\":{\"d\":\"x\"}}", "null", "\u0000\u0001", "ÉÉN TWEE", "a@b.nl", "0612345678"];

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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Any_sequence_of_user_actions_is_answered_without_errors(int seed)
    {
        var random = new Random(seed);
        var conversations = new[] { ("walk-personal-" + seed, "personal"), ("walk-channel-" + seed, "channel") };
        var lastCards = new Dictionary<string, List<JObject>>();
        var cards = new List<(string, JObject)>();

        for (var step = 0; step < 120; step++)
        {
            var (conversationId, type) = conversations[random.Next(conversations.Length)];
            var known = lastCards.TryGetValue(conversationId, out var seen) ? seen : lastCards[conversationId] = [];
            var (activity, expectsAnswer, description) = NextAction(random, conversationId, type, known);

            var before = _connector.Received.Count;
            var response = await _host.PostActivityAsync(activity);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"step {step} ({description}): HTTP {(int)response.StatusCode}");
            var replies = _connector.Received.Skip(before).Select(r => r.Reply).ToList();
            if (expectsAnswer)
            {
                Assert.True(replies.Count > 0, $"step {step} ({description}): no answer");
            }

            foreach (var sent in _connector.Received.Skip(before))
            {
                Assert.True(MessageSize.Of(sent.Json) < MessageSize.Limit, $"step {step} ({description}): a reply of {MessageSize.Of(sent.Json)} bytes");
            }

            foreach (var reply in replies)
            {
                Assert.DoesNotContain("Exception", reply.AllText, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", reply.AllText, StringComparison.Ordinal);
                if (reply.Card is { } card)
                {
                    known.Add(card);
                    cards.Add(($"seed {seed} step {step} card {cards.Count}", card));
                }
            }
        }

        var failedTurns = _host.Logs.Lines.Where(l => l.Contains("Turn failed", StringComparison.Ordinal)).ToList();
        Assert.True(failedTurns.Count == 0, string.Join("\n", failedTurns));
        var results = await AdaptiveCardRenderer.CheckAsync(cards);
        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private (JObject Activity, bool ExpectsAnswer, string Description) NextAction(Random random, string conversationId, string type, List<JObject> cards)
    {
        var locale = random.Next(5) == 0 ? "en-US" : "nl-NL";
        var user = "29:user-" + (random.Next(3) == 0 ? 2 : 1);
        JObject Message(string? text, JObject? value = null) =>
            Activities.Message(_connector.ServiceUrl, conversationId, text, value, conversationType: type, locale: locale, userId: user);

        switch (random.Next(10))
        {
            case 0:
                var command = Commands[random.Next(Commands.Length)];
                if (type != "channel")
                {
                    return (Message(command), true, $"command '{command}'");
                }

                // As Teams sends it in a channel: the text starts with the mention, described by an entity.
                var mentioned = Message($"<at>JepBot</at> {command}");
                mentioned["entities"] = new JArray(new JObject
                {
                    ["type"] = "mention",
                    ["text"] = "<at>JepBot</at>",
                    ["mentioned"] = new JObject { ["id"] = Activities.BotId, ["name"] = "JepBot" },
                });
                return (mentioned, true, $"@JepBot '{command}'");
            case 1:
                var odd = OddTexts[random.Next(OddTexts.Length)];
                return (Message(odd), true, $"text '{odd}'");
            case 2:
                return (Message(new string('x', random.Next(1000, 20_000))), true, "long text");
            case 3 or 4 or 5 when cards.Count > 0:
                // Mostly the newest card (a normal click), sometimes an older one (stale).
                var card = random.Next(4) == 0 ? cards[random.Next(cards.Count)] : cards[^1];
                var buttons = card.SelectTokens("$..actions[*]").OfType<JObject>().ToList();
                if (buttons.Count == 0)
                {
                    goto default;
                }

                var button = buttons[random.Next(buttons.Count)];
                var data = (JObject)(button["data"]?.DeepClone() ?? new JObject());
                foreach (var input in card.SelectTokens("$..[?(@.id)]").OfType<JObject>())
                {
                    data[(string)input["id"]!] = InputValue(random, input);
                }

                return (Message(null, data), true, $"click '{button["title"]}'");
            case 6:
                var forged = new JObject
                {
                    ["jep"] = random.Next(3) switch
                    {
                        0 => new JObject { ["d"] = "forged", ["s"] = "choose" },
                        1 => new JArray(1, 2),
                        _ => new JObject { ["d"] = 5, ["s"] = new JObject(), ["c"] = "nonsense" },
                    },
                    ["choice"] = random.Next(2) == 0 ? "about" : new JArray("x"),
                    ["text"] = new string('y', random.Next(0, 30_000)),
                };
                return (Message(null, forged), true, "forged card data");
            case 7:
                return (random.Next(2) == 0
                    ? Activities.BotAdded(_connector.ServiceUrl, conversationId, type)
                    : Activities.InstallationAdd(_connector.ServiceUrl, conversationId, type), false, "install event");
            case 8:
                return (Message(null), true, "empty message");
            default:
                return (Message("menu"), true, "menu");
        }
    }

    private static JToken InputValue(Random random, JObject input)
    {
        var choices = input["choices"]?.Select(c => (string)c["value"]!).ToList() ?? [];
        return (string?)input["type"] switch
        {
            "Input.ChoiceSet" when choices.Count > 0 && random.Next(5) > 0 =>
                (bool?)input["isMultiSelect"] == true
                    ? string.Join(",", choices.Where(_ => random.Next(2) == 0).DefaultIfEmpty(choices[0]))
                    : choices[random.Next(choices.Count)],
            "Input.Toggle" => random.Next(2) == 0 ? "true" : "false",
            "Input.Number" => random.Next(-5, 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => random.Next(4) switch
            {
                0 => "",
                1 => "naam@organisatie.nl",
                2 => "een antwoord",
                _ => new string('z', random.Next(1, 3000)),
            },
        };
    }
}
