using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Insight;
using JepBot.Dialogs.Localization;
using JepBot.Tests.Dialogs.Flows;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Cards;

/// <summary>
/// The main cards a professional sees, captured from real conversations. They must render cleanly; with
/// JEPBOT_WRITE_DOCS_CARDS=1 (tools/cardcheck/update-docs-cards.sh) they are also written to docs/cards/*.png.
/// </summary>
public sealed class DocsCardsTests
{
    [Fact]
    public async Task The_main_cards_render_cleanly_and_can_be_written_to_docs_cards()
    {
        var cards = await MainCardsAsync();
        Assert.True(cards.Count >= 8);

        var directory = Environment.GetEnvironmentVariable("JEPBOT_WRITE_DOCS_CARDS") == "1" ? RepositoryPaths.Combine("docs", "cards") : null;
        var results = await AdaptiveCardRenderer.CheckAsync(cards, directory);

        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        if (directory is not null)
        {
            Assert.All(cards, c => Assert.True(File.Exists(Path.Combine(directory, c.Name + ".png")), $"{c.Name}.png was not written"));
        }
    }

    private static async Task<List<(string Name, JObject Card)>> MainCardsAsync()
    {
        var cards = new List<(string, JObject)>
        {
            ("welcome", WelcomeCard.Build(Localizer.Default, Languages.Dutch, WelcomeAudience.Personal)),
            ("welcome-team", WelcomeCard.Build(Localizer.Default, Languages.Dutch, WelcomeAudience.Team)),
        };

        var driver = new WerkwijzeDriver();
        await driver.SayAsync("hallo");
        cards.Add(("menu", driver.Harness.LastCard!.Card!));
        await driver.Harness.ClickAsync(driver.Harness.LastCard!.Buttons[0]);
        cards.Add(("werkwijze-safety", driver.Harness.LastCard!.Card!));
        await driver.WalkAsync(["safety=yes"]);
        cards.Add(("werkwijze-acute", driver.Harness.LastCard!.Card!));
        await driver.WalkAsync(["acute=continue"]);
        cards.Add(("werkwijze-profession", driver.Harness.LastCard!.Card!));
        await driver.WalkAsync(["profession=youthWorker", "age=16to17", "signals=ideology+onlineContent", "counterSignals=openToTalk", "ownWords=-", "scope=risk", "advice=colleague+ess"]);
        await driver.WalkAsync(["adviceOutcome=concernRemains", "conversation=spoken", "riskFor=environment", "riskLevel=serious"]);
        cards.Add(("werkwijze-consent", driver.Harness.LastCard!.Card!));
        await driver.WalkAsync(["consent=given", "shareWithConsent=continue", "withWhom=municipality+police"]);
        cards.Add(("werkwijze-agreements", driver.Harness.LastCard!.Card!));
        var end = await driver.WalkAsync(["agreements=whoDoesWhat+feedback"]);
        cards.Add(("werkwijze-record", end.First(r => r.Card?.SelectToken("body[?(@.type == 'FactSet')]") is not null).Card!));

        // Practice: the case, a question with its hint button, and a comparison with a match, a partial match and a difference.
        var practice = new PracticeDriver();
        var practiceCase = PracticeDriver.Cases.Find("democratie-werkt-niet")!;
        await practice.Harness.SayAsync("oefenen " + practiceCase.Id);
        cards.Add(("practice-case", practice.Harness.LastCard!.Card!));
        await practice.Harness.ClickAsync("Beginnen");
        var deviations = new Dictionary<string, string[]> { ["signals"] = ["rejectsSociety", "onlineContent"], ["scope"] = ["risk"] };
        await practice.WalkAsync(practiceCase, deviations, until: "scope");
        cards.Add(("practice-question", practice.Harness.LastCard!.Card!));
        var compared = await practice.WalkAsync(practiceCase, deviations);
        cards.Add(("practice-comparison", PracticeDriver.Comparison(compared).Card!));

        var legal = LegalFramesValidator.Default;
        cards.Add(("legal-frame-youthwork", LegalFrameCard.Build(legal, legal.Find("youthWork")!, Localizer.Default, Languages.Dutch)));
        cards.Add(("legal-topic-where-to-go", LegalFrameCard.Build(legal, legal.Find("whereToGo")!, Localizer.Default, Languages.Dutch)));
        cards.Add(("insight", InsightCard.Build(InsightReport.Build(["2026-09", "2026-10", "2026-11"], InsightSample(), InsightCatalog.Default, Localizer.Default, Languages.Dutch), "Zorg en Veiligheid", Localizer.Default, Languages.Dutch)));
        return cards;
    }

    /// <summary>Made-up counts of a municipality for the insight card (docs/insight.md).</summary>
    private static IEnumerable<InsightCount> InsightSample()
    {
        (string Month, InsightMetric Metric, string Key, long Count)[] counts =
        [
            ("2026-09", InsightMetric.ConcernStarted, "", 14), ("2026-10", InsightMetric.ConcernStarted, "", 9), ("2026-11", InsightMetric.ConcernStarted, "", 11),
            ("2026-09", InsightMetric.ConcernFinished, "", 9), ("2026-10", InsightMetric.ConcernFinished, "", 6), ("2026-11", InsightMetric.ConcernFinished, "", 7),
            ("2026-09", InsightMetric.ConcernOutcome, "keepObserving", 5), ("2026-09", InsightMetric.ConcernOutcome, "doNotShare", 4),
            ("2026-10", InsightMetric.ConcernOutcome, "keepObserving", 6),
            ("2026-11", InsightMetric.ConcernOutcome, "shareWithConsent", 5), ("2026-11", InsightMetric.ConcernOutcome, "keepObserving", 2),
            ("2026-09", InsightMetric.ConcernEndedAt, "consent", 3), ("2026-10", InsightMetric.ConcernEndedAt, "consent", 2), ("2026-11", InsightMetric.ConcernEndedAt, "age", 1),
            ("2026-09", InsightMetric.LegalFrameOpened, "consent", 7), ("2026-10", InsightMetric.LegalFrameOpened, "consent", 3), ("2026-11", InsightMetric.LegalFrameOpened, "youthWork", 5),
            ("2026-09", InsightMetric.AdvisorRequested, "", 2), ("2026-11", InsightMetric.WerkatelierRequested, "", 1),
        ];
        return counts.Select(c => new InsightCount(c.Month, c.Metric, c.Key, c.Count));
    }
}
