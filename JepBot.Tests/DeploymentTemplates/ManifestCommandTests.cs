using JepBot.Dialogs;
using JepBot.Dialogs.Handoff;
using JepBot.Storage;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>
/// Teams offers the manifest's commands by their title and sends the title as typed text, in the user's language
/// (the English titles come from en.json). Each must start what its description promises, in both languages. In a
/// channel or group chat the title follows the @mention, which the host strips first (RecipientMentionTests), so the
/// same words reach the same conversation in every scope.
/// </summary>
public sealed class ManifestCommandTests
{
    /// <summary>What the bot's first reply to each command says, by the command's place in a command list.</summary>
    private static readonly (string Dutch, string English)[] Expected =
    [
        ("Je kunt altijd een van deze woorden typen", "You can type one of these words at any time"),
        ("Is er nu acuut gevaar voor de jongere", "Is there acute danger right now for the young person"),
        ("Wat wil je bekijken?", "What would you like to look at?"),
        ("Een werkatelier voor jouw gemeente", "A workshop for your municipality"),
        ("Waar wil je het met een adviseur over hebben?", "What would you like to discuss with an advisor?"),
        ("Voor welk beroep wil je oefenen?", "Which profession would you like to practise for?"),
    ];

    public static TheoryData<string, string, string, string> Commands()
    {
        var data = new TheoryData<string, string, string, string>();
        var manifest = AppPackageSources.Manifest;
        var english = AppPackageSources.English;
        var lists = manifest.SelectToken("bots[0].commandLists") is JArray commandLists ? commandLists.Count : 0;
        for (var list = 0; list < lists; list++)
        {
            var scope = (string)manifest.SelectToken($"bots[0].commandLists[{list}].scopes[0]")!;
            for (var command = 0; command < Expected.Length; command++)
            {
                var key = $"bots[0].commandLists[{list}].commands[{command}].title";
                data.Add(scope, "nl-NL", (string)manifest.SelectToken($"bots[0].commandLists[{list}].commands[{command}].title")!, Expected[command].Dutch);
                data.Add(scope, "en-US", (string)english[key]!, Expected[command].English);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_title_starts_what_it_promises_in_its_language(string scope, string locale, string title, string expected)
    {
        var store = new SqliteHandoffStore(BotHost.NewDatabasePath());
        var harness = new DialogHarness(
            (c, u) => new JepConversation(c, u, handoffStore: store, deliveryTrigger: new NoDelivery()).Runner, locale: locale);

        var replies = await harness.SayAsync(title);

        Assert.True(replies.Any(r => r.Contains(expected)), $"{scope} command \"{title}\" ({locale}) got: {string.Join(" | ", replies)}");
    }

    private sealed class NoDelivery : IDeliveryTrigger
    {
        public void RequestWaiting()
        {
        }
    }
}
