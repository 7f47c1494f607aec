using JepBot.Dialogs.Content;
using JepBot.Dialogs.Flows.Practice;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>The comparison of a practice walk with a case's model answer, without a conversation around it.</summary>
public sealed class PracticeComparisonTests
{
    private static WerkwijzeContent Content => WerkwijzeContentLoader.Default;

    private static PracticeWalk Walk(bool exited, params (string Step, JToken Answer)[] answers) =>
        PracticeWalk.From(answers.Select(a => a.Step), answers.ToDictionary(a => a.Step, a => a.Answer), exited);

    [Fact]
    public void Each_decision_is_a_match_a_partial_match_a_difference_or_not_reached()
    {
        var practiceCase = PracticeCasesValidator.Default.Find("democratie-werkt-niet")!;
        var walk = Walk(
            false,
            ("safety", "no"),
            ("profession", "doctor"),
            ("age", "12to15"),
            ("signals", new JArray("rejectsSociety", "onlineContent")),
            ("counterSignals", new JArray("openToTalk", "schoolWork", "noViolence", "ordinaryDevelopment")),
            ("ownWords", JValue.CreateNull()),
            ("scope", "groupPolarisation"),
            ("noRiskNeeded", "record"),
            ("record", JValue.CreateNull()));

        var comparison = PracticeComparison.Build(Content, practiceCase, walk, "nl");

        Assert.Equal(["safety", "profession", "age", "signals", "counterSignals", "scope"], comparison.Rows.Select(r => r.Step));
        Assert.Equal(
            [PracticeVerdict.Match, PracticeVerdict.Differs, PracticeVerdict.Match, PracticeVerdict.Partly, PracticeVerdict.Match, PracticeVerdict.Differs],
            comparison.Rows.Select(r => r.Verdict));
        Assert.Equal(3, comparison.Matches);
        Assert.False(comparison.AllMatch);
        Assert.True(comparison.OutcomeMatches);
        Assert.Equal(Content.FindStep("noRiskNeeded")!.Title.In("nl"), comparison.YourOutcome);
        Assert.Equal(["(Jeugd)arts of -verpleegkundige (BIG)"], comparison.Rows[1].Yours);
        Assert.Equal(practiceCase.Model["scope"].Why.In("nl"), comparison.Rows[5].Why);
    }

    [Fact]
    public void A_walk_that_stopped_elsewhere_has_not_reached_the_later_decisions_and_another_outcome()
    {
        var practiceCase = PracticeCasesValidator.Default.Find("een-client-van-24")!;
        var walk = Walk(true, ("safety", "yes"), ("acute", "later"));

        var comparison = PracticeComparison.Build(Content, practiceCase, walk, "en");

        Assert.Equal([PracticeVerdict.Differs, PracticeVerdict.NotReached, PracticeVerdict.NotReached], comparison.Rows.Select(r => r.Verdict));
        Assert.False(comparison.OutcomeMatches);
        Assert.Equal($"{Content.FindStep("acute")!.Title.In("en")} → {Content.FindStep("acute")!.Options.Single(o => o.Id == "later").Title.In("en")}", comparison.YourOutcome);
        Assert.Equal($"{Content.FindStep("outOfScope")!.Title.In("en")} → {Content.FindStep("outOfScope")!.Options[0].Title.In("en")}", comparison.ModelOutcome);
    }

    [Fact]
    public void The_walk_survives_its_trip_through_stored_state()
    {
        var walk = Walk(true, ("safety", "yes"), ("acute", "later"));

        var back = PracticeWalk.FromJson(JToken.Parse(walk.ToJson().ToString()))!;

        Assert.Equal(walk.Path, back.Path);
        Assert.True(back.Exited);
        Assert.Equal(["later"], back.Chosen("acute"));
        Assert.Null(PracticeWalk.FromJson(JValue.CreateString("niet een wandeling")));
    }
}
