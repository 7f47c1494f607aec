using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>
/// A waiting Werkwijze question is stored without its paragraphs (most of the state) and shown again with exactly
/// the paragraphs it had: after an invalid answer, after "help" and after a restart.
/// </summary>
public sealed class StoredQuestionTests
{
    [Fact]
    public async Task The_stored_question_leaves_out_its_paragraphs_and_keeps_what_checks_the_answer()
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=youthWorker"]);

        var pending = (await driver.Harness.ReadStackAsync()).Active!.Pending!;

        Assert.Equal("age", pending.Step);
        Assert.True(pending.ParagraphsOmitted);
        Assert.Empty(pending.Paragraphs);
        Assert.Equal(WerkwijzeDriver.Content.FindStep("age")!.Options.Select(o => o.Id), pending.Choices.Select(c => c.Value));
    }

    [Theory]
    [InlineData("an invalid answer")]
    [InlineData("help")]
    [InlineData("a restart, then an invalid answer")]
    public async Task The_question_is_shown_again_with_the_paragraphs_it_had(string how)
    {
        var driver = new WerkwijzeDriver();
        await driver.StartAsync();
        var asked = (await driver.WalkAsync(["safety=no", "profession=youthWorker", "age=16to17", "signals=ideology", "counterSignals=openToTalk", "ownWords=-", "scope=risk", "advice=colleague", "adviceOutcome=concernRemains", "conversation=spoken", "riskFor=environment", "riskLevel=serious"]))[^1];
        var first = Paragraphs(asked);
        Assert.Contains(first, p => p.Contains("Jongerenwerker", StringComparison.Ordinal));

        if (how.StartsWith("a restart", StringComparison.Ordinal))
        {
            driver.Harness.Restart();
        }

        var again = (await driver.SayAsync(how == "help" ? "help" : "banaan")).Last(r => r.Card is not null);

        Assert.Equal("consent", await driver.OpenStepAsync());
        Assert.Equal(first, Paragraphs(again));
        Assert.True((await driver.Harness.ReadStackAsync()).Active!.Pending!.ParagraphsOmitted);
    }

    private static List<string> Paragraphs(BotReply reply) =>
        reply.Card!.SelectTokens("$..body[?(@.type == 'TextBlock')].text").Select(t => (string)t!).ToList();
}
