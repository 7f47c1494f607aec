using JepBot.Dialogs.Content;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Content;

/// <summary>
/// The shipped practice-cases.json is valid against the shipped Werkwijze and legal frames, and each rule of the
/// validator can fail: a test breaks a copy of the real file in one place and expects that problem to be named.
/// </summary>
public sealed class PracticeCasesValidatorTests
{
    private static WerkwijzeContent Werkwijze => WerkwijzeContentLoader.Default;

    private static LegalFramesContent LegalFrames => LegalFramesValidator.Default;

    [Fact]
    public void The_shipped_cases_are_valid()
    {
        var problems = PracticeCasesValidator.Validate(PracticeCasesValidator.Parse(PracticeCasesValidator.ReadEmbedded()), Werkwijze, LegalFrames);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_shipped_cases_vary_in_profession_age_and_outcome()
    {
        var cases = PracticeCasesValidator.Default.Cases;

        Assert.True(cases.Count >= PracticeCasesValidator.MinimumCases);
        Assert.True(cases.Select(c => c.Profession).Distinct().Count() >= 6, "too few professions");
        Assert.True(cases.Select(c => c.Age).Distinct().Count() >= 4, "too few age bands");
        Assert.True(cases.Select(c => c.Outcome).Distinct().Count() >= 7, "too few outcomes");
        Assert.All(PracticeThemes.All, t => Assert.Contains(cases, c => c.Themes.Contains(t.Id)));
    }

    [Fact]
    public void Every_model_path_ends_at_its_outcome_and_answers_exactly_its_decisions()
    {
        foreach (var practiceCase in PracticeCasesValidator.Default.Cases)
        {
            var path = PracticeModelPath.Walk(Werkwijze, practiceCase);

            Assert.Null(path.Problem);
            var decisions = path.Steps.Where(s => PracticeModelPath.IsDecision(Werkwijze.FindStep(s)!) && (s != path.OutcomeStep || practiceCase.Outcome == ContentStep.Exit));
            Assert.Equal(decisions.Order(), practiceCase.Model.Keys.Order());
        }
    }

    public static TheoryData<string, Action<JObject>, string> Breakages => new()
    {
        { "too few cases", c => { while (((JArray)c["cases"]!).Count > 11) { ((JArray)c["cases"]!).Last!.Remove(); } }, "There are 11 cases; at least 12 are needed" },
        { "duplicate id", c => Case(c, 1)["id"] = Case(c, 0)["id"], "appears twice" },
        { "id not kebab-case", c => Case(c, 0)["id"] = "Dreigement_In_De_App", "must be kebab-case" },
        { "missing translation", c => ((JObject)Case(c, 0)["situation"]!).Remove("en"), "the situation has no text in language 'en'" },
        { "empty why", c => Case(c, 0)["model"]!["safety"]!["why"]!["nl"] = " ", "the why of step 'safety' has no text in language 'nl'" },
        { "long teaser", c => Case(c, 0)["teaser"]!["nl"] = new string('x', 300), "teaser in 'nl' is longer than" },
        { "unknown profession", c => Case(c, 0)["profession"] = "astronaut", "'astronaut' is not an option of the Werkwijze step 'profession'" },
        { "unknown age", c => Case(c, 0)["age"] = "99plus", "'99plus' is not an option of the Werkwijze step 'age'" },
        { "unknown outcome", c => Case(c, 1)["outcome"] = "nergens", "the outcome 'nergens' is not a Werkwijze step" },
        { "outcome that is a question", c => Case(c, 1)["outcome"] = "consent", "is not an outcome step" },
        { "no legal frames", c => Case(c, 0)["legalFrames"] = new JArray(), "give 1 to 3 legal frames" },
        { "too many legal frames", c => Case(c, 0)["legalFrames"] = new JArray("secrecy", "consent", "gdpr", "meldcode"), "give 1 to 3 legal frames" },
        { "unknown legal frame", c => Case(c, 0)["legalFrames"] = new JArray("ruimtevaart"), "the legal frame 'ruimtevaart' does not exist" },
        { "unknown model step", c => Model(c, 1)["horoscoop"] = Answer("yes"), "answers step 'horoscoop', which does not exist" },
        { "unknown model option", c => Model(c, 1)["signals"]!["answer"] = new JArray("ideology", "telepathy"), "names option 'telepathy', which the step does not have" },
        { "list for a choice", c => Model(c, 1)["safety"]!["answer"] = new JArray("no"), "must be one option id" },
        { "one id for a checklist", c => Model(c, 1)["signals"]!["answer"] = "ideology", "must be a list of option ids" },
        { "answer for a text step", c => Model(c, 1)["ownWords"] = Answer("-"), "step 'ownWords' asks no decision" },
        { "missing decision on the path", c => Model(c, 1).Remove("scope"), "the model has no answer for step 'scope', which is on its path" },
        { "path past its outcome", c => Case(c, 10)["outcome"] = "keepObserving", "reaches the record without passing the outcome 'keepObserving'" },
        { "path that exits early", c => { Model(c, 1)["safety"]!["answer"] = "yes"; Model(c, 1)["acute"] = Answer("later"); }, "stops at step 'acute' (exit) instead of reaching the outcome" },
        { "answer off the path", c => Model(c, 6)["legalDuty"] = Answer("no"), "answers step 'legalDuty', which is not a decision on its path" },
        { "profession differs from the model", c => Case(c, 1)["profession"] = "teacher", "the model answer of step 'profession' differs from the case's profession 'teacher'" },
        { "unknown theme", c => Case(c, 0)["themes"] = new JArray("acuteDanger", "alienAbduction"), "the theme 'alienAbduction' is unknown" },
        { "theme the path does not show", c => Case(c, 1)["themes"] = new JArray("consentGiven", "acuteDanger"), "claims the theme 'acuteDanger', but its model path does not pass step 'acute'" },
        { "theme the answers do not show", c => Case(c, 0)["themes"] = new JArray("acuteDanger", "ideasOnly"), "claims the theme 'ideasOnly', but its model does not answer 'ideasOnly' at step 'scope'" },
        { "uncovered theme", c => { foreach (var practiceCase in c["cases"]!) { ((JArray)practiceCase["themes"]!).Where(t => (string?)t == "groupPolarisation").ToList().ForEach(t => t.Remove()); } }, "No case covers the theme 'groupPolarisation'" },
        { "a name in the situation", c => Case(c, 0)["situation"]!["nl"] = "Je bent docent. Sanne vertelt je dat haar broer een mes heeft.", "contains what looks like Name (\"Sanne\")" },
        { "a phone number in a why", c => Model(c, 0)["acute"]!["why"]!["en"] = "Call his mother on 06-12345678.", "contains what looks like Phone" },
        { "a reporting point", c => Case(c, 0)["teaser"]!["nl"] = "Waar is het meldpunt?", "speaks of 'meldpunt'" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_edit_is_named(string what, Action<JObject> breakIt, string expected)
    {
        var json = JObject.Parse(PracticeCasesValidator.ReadEmbedded());
        breakIt(json);

        var problems = PracticeCasesValidator.Validate(PracticeCasesValidator.Parse(json.ToString()), Werkwijze, LegalFrames);

        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{what}: expected a problem containing \"{expected}\", got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void A_change_to_the_Werkwijze_that_breaks_a_case_is_caught()
    {
        // A jurist renames an option in werkwijze.json; the cases that chose it must be refused, not fail mid-practice.
        var werkwijze = JObject.Parse(WerkwijzeContentLoader.ReadEmbedded());
        werkwijze["steps"]!.Single(s => (string?)s["id"] == "scope")["options"]![1]!["id"] = "ideasWithoutViolence";

        var problems = PracticeCasesValidator.Validate(PracticeCasesValidator.Default, WerkwijzeContentLoader.Parse(werkwijze.ToString()), LegalFrames);

        Assert.Contains(problems, p => p.Contains("names option 'ideasOnly', which the step does not have", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_property_is_refused_when_loading()
    {
        var json = JObject.Parse(PracticeCasesValidator.ReadEmbedded());
        Case(json, 0)["uitkomst"] = "exit";

        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => PracticeCasesValidator.Parse(json.ToString()));
    }

    [Fact]
    public void Loading_invalid_cases_fails_with_the_list_of_problems()
    {
        var json = JObject.Parse(PracticeCasesValidator.ReadEmbedded());
        Case(json, 0)["profession"] = "astronaut";

        var error = Assert.Throws<InvalidDataException>(() => PracticeCasesValidator.Load(json.ToString(), Werkwijze, LegalFrames));

        Assert.Contains("'astronaut' is not an option", error.Message);
    }

    private static JObject Case(JObject content, int index) => (JObject)content["cases"]![index]!;

    private static JObject Model(JObject content, int index) => (JObject)Case(content, index)["model"]!;

    private static JObject Answer(string option) => new() { ["answer"] = option, ["why"] = new JObject { ["nl"] = "Omdat.", ["en"] = "Because." } };
}
