using JepBot.Dialogs.Content;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Content;

/// <summary>
/// The shipped werkwijze.json is valid, and each kind of mistake a jurist's edit could make is caught: the tests
/// break a copy of the real file in one place and expect the validator to name that problem.
/// </summary>
public sealed class ContentValidatorTests
{
    [Fact]
    public void The_shipped_content_is_valid()
    {
        var problems = ContentValidator.Validate(WerkwijzeContentLoader.Parse(WerkwijzeContentLoader.ReadEmbedded()));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_shipped_content_covers_the_whole_Werkwijze()
    {
        var content = WerkwijzeContentLoader.Default;

        Assert.Equal("safety", content.FirstStep.Id);
        string[] steps = ["acute", "profession", "age", "outOfScope", "signals", "counterSignals", "ownWords", "advice", "conversation", "riskFor", "riskLevel", "consent", "legalDuty", "seriousHarm", "onlyWay", "minimum", "decider", "conflictDecision", "withWhom", "agreements", "record"];
        Assert.All(steps, id => Assert.NotNull(content.FindStep(id)));
        Assert.True(content.FindStep("profession")!.Options.Count >= 8);
        Assert.Equal(["under12", "12to15", "16to17", "18to22", "23plus"], content.FindStep("age")!.Options.Select(o => o.Id));
        Assert.All(content.FindStep("profession")!.Options, o => Assert.NotNull(o.Frame));
        Assert.Contains("agressief", content.JudgementWords["nl"]);
    }

    public static TheoryData<string, Action<JObject>, string> Breakages => new()
    {
        { "step without source", c => Step(c, "consent")["sources"] = new JArray(), "step 'consent' has no source" },
        { "unknown source", c => Step(c, "consent")["sources"] = new JArray("nowhere"), "cites source 'nowhere'" },
        { "no review date", c => ((JObject)Step(c, "acute")).Remove("reviewed"), "step 'acute' has no review date" },
        { "bad review date", c => Step(c, "acute")["reviewed"] = "gisteren", "step 'acute' has no review date" },
        { "missing translation", c => ((JObject)Step(c, "age")["title"]!).Remove("en"), "step 'age' title has no text in language 'en'" },
        { "empty translation", c => Step(c, "age")["options"]![0]!["title"]!["nl"] = " ", "option 'under12' title has no text in language 'nl'" },
        { "option to a missing step", c => Step(c, "safety")["options"]![1]!["next"] = "nergens", "leads to step 'nergens', which does not exist" },
        { "unreachable step", c => ((JArray)c["steps"]!).Add(OrphanCopyOf(c, "outOfScope")), "Step 'orphan' cannot be reached" },
        { "path without end", c => { Step(c, "acute")["options"]![0]!["next"] = "acute"; Step(c, "acute")["options"]![1]!["next"] = "acute"; }, "From step 'acute' no path leads to the record or an exit" },
        { "frame missing", c => Step(c, "profession")["options"]![0]!["frame"] = "astronaut", "legal frame 'astronaut', which does not exist" },
        { "contact missing", c => Step(c, "withWhom")["contacts"] = new JArray("ghostbusters"), "contact 'ghostbusters', which does not exist" },
        { "frame without source", c => c["frames"]!["medical"]!["sources"] = new JArray(), "legal frame 'medical' has no source" },
        { "age band without translation", c => ((JObject)c["ageBands"]!["under12"]!["consent"]!).Remove("en"), "age band 'under12' consent has no text in language 'en'" },
        { "record field missing", c => Step(c, "consent")["record"] = "shoeSize", "field 'shoeSize', which the record does not have" },
        { "duplicate option", c => Step(c, "safety")["options"]![1]!["id"] = "yes", "repeated option id 'yes'" },
        { "unknown kind", c => Step(c, "safety")["kind"] = "quiz", "unknown kind 'quiz'" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_edit_is_named(string what, Action<JObject> breakIt, string expected)
    {
        var json = JObject.Parse(WerkwijzeContentLoader.ReadEmbedded());
        breakIt(json);

        var problems = ContentValidator.Validate(WerkwijzeContentLoader.Parse(json.ToString()));

        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{what}: expected a problem containing \"{expected}\", got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void A_misspelt_property_is_refused_when_loading()
    {
        var json = JObject.Parse(WerkwijzeContentLoader.ReadEmbedded());
        Step(json, "safety")["titel"] = new JObject { ["nl"] = "x" };

        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => WerkwijzeContentLoader.Parse(json.ToString()));
    }

    [Fact]
    public void Loading_invalid_content_fails_with_the_list_of_problems()
    {
        var json = JObject.Parse(WerkwijzeContentLoader.ReadEmbedded());
        Step(json, "consent")["sources"] = new JArray();

        var error = Assert.Throws<InvalidDataException>(() => WerkwijzeContentLoader.Load(json.ToString()));

        Assert.Contains("step 'consent' has no source", error.Message);
    }

    private static JToken OrphanCopyOf(JObject content, string id)
    {
        var copy = Step(content, id).DeepClone();
        copy["id"] = "orphan";
        return copy;
    }

    private static JToken Step(JObject content, string id) => content["steps"]!.Single(s => (string?)s["id"] == id);
}
