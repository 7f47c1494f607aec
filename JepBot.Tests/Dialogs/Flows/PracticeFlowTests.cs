using JepBot.Dialogs.Content;
using JepBot.Dialogs.Flows.Advisor;
using JepBot.Tests.Cards;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>
/// Practising with a case ("oefenen"): the model path of every case ends in a comparison where everything matches,
/// a deviation is shown with the model's reasoning, the hint gives that reasoning at the open step, and practice
/// never mixes with real work (no decision record, nothing for an advisor request, no hand-off, every card labelled).
/// Expected texts come from the content, so a jurist's rewording keeps these tests valid.
/// </summary>
public sealed class PracticeFlowTests
{
    private static WerkwijzeContent Content => PracticeDriver.Content;

    private static PracticeCase Case(string id) => PracticeDriver.Cases.Find(id)!;

    public static TheoryData<string> AllCases()
    {
        var data = new TheoryData<string>();
        foreach (var practiceCase in PracticeDriver.Cases.Cases)
        {
            data.Add(practiceCase.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Walking_the_model_path_ends_in_a_comparison_where_everything_matches(string caseId)
    {
        var practiceCase = Case(caseId);
        var driver = new PracticeDriver();
        await driver.Harness.SayAsync("oefenen " + caseId);
        Assert.Contains("Oefening · " + practiceCase.Title.In("nl"), driver.Harness.LastCard!.AllText);
        Assert.Contains(practiceCase.Situation.In("nl"), driver.Harness.LastCard.AllText);
        await driver.Harness.ClickAsync("Beginnen");

        var replies = await driver.WalkAsync(practiceCase);

        var comparison = PracticeDriver.Comparison(replies);
        Assert.Contains($"Al je {practiceCase.Model.Count} keuzes komen overeen met het modelantwoord.", comparison.AllText);
        Assert.DoesNotContain("❌", comparison.AllText);
        Assert.Contains(practiceCase.Model.Values.First().Why.In("nl"), comparison.AllText);

        // Then the legal frames of the case, another case, or the menu.
        var next = replies[^1];
        Assert.Equal(comparison, replies[^2]);
        foreach (var frame in practiceCase.LegalFrames)
        {
            Assert.Contains("Lees: " + JepBot.Dialogs.Content.LegalFramesValidator.Default.Find(frame)!.Title.In("nl"), next.Buttons);
        }

        Assert.Contains("Nog een casus", next.Buttons);
        Assert.Contains("Terug naar het menu", next.Buttons);
        Assert.DoesNotContain(replies, r => r.Card?.SelectToken("$..[?(@.type == 'FactSet')]") is not null);
    }

    /// <summary>Rows: case, the answers that differ from the model (step=option, checklists a+b), the steps the comparison must flag.</summary>
    public static TheoryData<string, string[], string[]> Deviations => new()
    {
        { "uitnodiging-voor-een-trainingskamp", ["profession=teacher"], ["profession"] },
        { "democratie-werkt-niet", ["scope=risk", "advice=colleague", "adviceOutcome=concernGone"], ["scope"] },
        { "handleiding-voor-een-wapen", ["minimum=anonymousFirst+factsOnly", "decider=me"], ["minimum", "decider"] },
        { "memes-en-een-aanslag", ["consent=given"], ["consent", "legalDuty", "seriousHarm"] },
        { "dreigement-in-de-klassenapp", ["safety=no", "profession=teacher", "age=16to17"], ["safety"] },
    };

    [Theory]
    [MemberData(nameof(Deviations))]
    public async Task A_deviating_path_shows_what_differs_and_why(string caseId, string[] deviations, string[] flagged)
    {
        var practiceCase = Case(caseId);
        var driver = new PracticeDriver();
        await driver.StartAsync(caseId);
        var answers = deviations.ToDictionary(d => d[..d.IndexOf('=')], d => d[(d.IndexOf('=') + 1)..].Split('+'));

        var replies = await driver.WalkAsync(practiceCase, answers);

        var comparison = PracticeDriver.Comparison(replies);
        var text = comparison.AllText;
        Assert.Matches(@"\d+ van de \d+ keuzes komen overeen", text);
        Assert.DoesNotContain("Al je", text);
        foreach (var step in flagged)
        {
            var question = Content.FindStep(step)!.Title.In("nl");
            var block = text[text.IndexOf(question, StringComparison.Ordinal)..];
            Assert.Matches("^[^\n]+\n(❌|🔶)", block);
            Assert.Contains(practiceCase.Model[step].Why.In("nl"), block);
            var modelTitles = practiceCase.Model[step].Options.Select(o => Content.FindStep(step)!.Options.Single(opt => opt.Id == o).Title.In("nl"));
            Assert.Contains("Modelantwoord: " + string.Join("; ", modelTitles), block.Replace("**", "", StringComparison.Ordinal));
            if (answers.TryGetValue(step, out var chosen))
            {
                var yours = chosen.Select(o => Content.FindStep(step)!.Options.Single(opt => opt.Id == o).Title.In("nl"));
                Assert.Contains("Jij koos: " + string.Join("; ", yours), block.Replace("**", "", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task A_different_route_shows_the_model_outcome_and_the_questions_not_reached()
    {
        var practiceCase = Case("handleiding-voor-een-wapen");
        var driver = new PracticeDriver();
        await driver.StartAsync(practiceCase.Id);

        var replies = await driver.WalkAsync(practiceCase, new Dictionary<string, string[]> { ["riskLevel"] = ["observe"] });

        var text = PracticeDriver.Comparison(replies).AllText.Replace("**", "", StringComparison.Ordinal);
        Assert.Contains("Jij kwam uit bij: " + Content.FindStep("keepObserving")!.Title.In("nl"), text);
        Assert.Contains("Het model komt uit bij: " + Content.FindStep("shareConflict")!.Title.In("nl"), text);
        Assert.Contains("Niet bij deze vraag gekomen", text);
        Assert.Contains("Jij koos: niets, je nam eerder een andere afslag", text);
    }

    [Fact]
    public async Task The_hint_shows_the_cases_reasoning_for_the_open_step_and_asks_it_again()
    {
        var practiceCase = Case("democratie-werkt-niet");
        var driver = new PracticeDriver();
        await driver.StartAsync(practiceCase.Id);
        await driver.WalkAsync(practiceCase, until: "scope");
        Assert.Equal("scope", (await driver.OpenAsync()).Step);
        Assert.Contains("Wat zou een adviseur overwegen?", driver.Harness.LastCard!.Buttons);

        var clicked = await driver.Harness.ClickAsync("Wat zou een adviseur overwegen?");

        Assert.Equal(2, clicked.Count);
        Assert.Contains(practiceCase.Model["scope"].Why.In("nl"), clicked[0].AllText);
        Assert.Contains("Oefening · " + practiceCase.Title.In("nl"), clicked[0].AllText);
        Assert.Contains(Content.FindStep("scope")!.Title.In("nl"), clicked[1].AllText);
        Assert.Equal("scope", (await driver.OpenAsync()).Step);

        var typed = await driver.Harness.SayAsync("hint");
        Assert.Contains(practiceCase.Model["scope"].Why.In("nl"), typed[0].AllText);
    }

    [Fact]
    public async Task The_hint_off_the_model_path_says_the_model_took_another_turn()
    {
        var practiceCase = Case("democratie-werkt-niet");
        var driver = new PracticeDriver();
        await driver.StartAsync(practiceCase.Id);
        await driver.WalkAsync(practiceCase, new Dictionary<string, string[]> { ["scope"] = ["risk"] }, until: "advice");
        Assert.Equal("advice", (await driver.OpenAsync()).Step);

        var replies = await driver.Harness.SayAsync("hint");

        Assert.Contains("komt het modelantwoord niet", replies[0].AllText);
    }

    [Theory]
    [InlineData("oefenen bestaat-niet")]
    [InlineData("oefenen Sanne 0612345678")]
    public async Task Oefenen_with_an_unknown_case_says_so_in_Dutch_and_offers_the_cases(string typed)
    {
        var driver = new PracticeDriver();

        var replies = await driver.Harness.SayAsync(typed);

        Assert.Equal("Oefening · Die oefencasus ken ik niet. Kies hieronder een casus om mee te oefenen.", replies[0].Text);
        Assert.Contains("Voor welk beroep wil je oefenen?", replies[^1].AllText);
        var stored = JObject.FromObject(await driver.Harness.ReadStackAsync()).ToString();
        Assert.DoesNotContain("Sanne", stored);
        Assert.DoesNotContain("bestaat-niet", stored);
    }

    [Fact]
    public async Task Oefenen_without_a_case_lets_the_user_choose_by_profession()
    {
        var driver = new PracticeDriver();
        await driver.Harness.SayAsync("oefenen");
        var professions = Content.FindStep("profession")!.Options;

        var pick = await driver.Werkwijze.ChooseAsync("teacher");

        var teacherCases = PracticeDriver.Cases.Cases.Where(c => c.Profession == "teacher").ToList();
        Assert.Contains("Met welke casus wil je oefenen?", pick[^1].AllText);
        Assert.Equal(teacherCases.Select(c => c.Title.In("nl")), pick[^1].Buttons.Take(teacherCases.Count));
        var intro = await driver.Harness.ClickAsync(teacherCases[0].Title.In("nl"));
        Assert.Contains(teacherCases[0].Situation.In("nl"), intro[^1].AllText);
        Assert.Contains(professions.Single(o => o.Id == "teacher").Title.In("nl"), intro[^1].AllText);
    }

    [Fact]
    public async Task Oefenen_is_on_the_menu()
    {
        var driver = new PracticeDriver();
        await driver.Harness.SayAsync("hallo");

        var replies = await driver.Harness.ClickAsync("Oefenen met een casus");

        Assert.Contains("Voor welk beroep wil je oefenen?", replies[^1].AllText);
    }

    [Fact]
    public async Task Every_practice_question_is_labelled_and_no_record_or_hand_off_follows()
    {
        var practiceCase = Case("uitnodiging-voor-een-trainingskamp");
        var driver = new PracticeDriver(withHandoff: true);
        var first = await driver.StartAsync(practiceCase.Id);

        var replies = await driver.WalkAsync(practiceCase);

        foreach (var card in first.Concat(replies).Where(r => r.Card is not null))
        {
            Assert.Contains("Oefening · ", card.AllText);
        }

        Assert.DoesNotContain(replies, r => r.Card?.SelectToken("$..[?(@.type == 'FactSet')]") is not null);
        Assert.DoesNotContain(replies, r => r.AllText.Contains("Een JEP-adviseur laten meedenken", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.AllText.Contains("kopiëren naar je eigen dossier", StringComparison.Ordinal));
        var stack = await driver.Harness.ReadStackAsync();
        Assert.False(stack.Notes.ContainsKey(AdvisorContactDialog.DecisionRecordNote));
        Assert.DoesNotContain(stack.Stack, d => d.DialogId == "werkwijze" || d.DialogId == "werkwijzeFollowUp");
    }

    [Fact]
    public async Task An_advisor_request_after_practice_does_not_offer_to_attach_a_record()
    {
        var practiceCase = Case("handleiding-voor-een-wapen");
        var driver = new PracticeDriver(withHandoff: true);
        await driver.StartAsync(practiceCase.Id);
        await driver.WalkAsync(practiceCase);

        await driver.Harness.SayAsync("adviseur");
        await driver.Werkwijze.ChooseAsync("sharing");
        await driver.Werkwijze.ChooseAsync("week");
        await driver.Harness.SubmitInputsAsync("Verder", new JObject { ["way"] = "teams", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "", ["organisation"] = "" });
        await driver.Harness.SayAsync("Hoe weeg ik toestemming af?");
        var replies = await driver.Werkwijze.ChooseAsync("ok");

        Assert.Contains("Klopt dit? Dan verstuur ik je verzoek.", replies[^1].AllText);
        Assert.DoesNotContain(driver.Harness.History, r => r.AllText.Contains("afwegingsverslag uit dit gesprek meesturen", StringComparison.Ordinal));
        Assert.DoesNotContain("afwegingsverslag", replies[^1].AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Own_words_in_practice_are_checked_labelled_and_never_stored()
    {
        var practiceCase = Case("een-klasgenoot-vertelt");
        var driver = new PracticeDriver();
        await driver.StartAsync(practiceCase.Id);
        await driver.WalkAsync(practiceCase, until: "ownWords");
        Assert.Equal("ownWords", (await driver.OpenAsync()).Step);

        var replies = await driver.Harness.SayAsync("Hij is fanatiek en agressief, volgens Noor uit de klas");

        Assert.StartsWith("Oefening · ", replies[0].Text);
        Assert.Contains("'agressief'", replies[0].Text);
        Assert.Equal("scope", (await driver.OpenAsync()).Step);
        var stored = JObject.FromObject(await driver.Harness.ReadStackAsync()).ToString();
        Assert.DoesNotContain("agressief", stored);
        Assert.DoesNotContain("Noor", stored);
    }

    [Fact]
    public async Task Help_in_a_practice_walk_explains_practice_and_promises_no_decision_record()
    {
        var driver = new PracticeDriver();
        await driver.StartAsync("foto-met-een-geweer");

        var replies = await driver.Harness.SayAsync("help");

        Assert.Contains("Je oefent met een verzonnen casus", replies[0].AllText);
        Assert.DoesNotContain("Aan het eind krijg je een afwegingsverslag", replies[0].AllText);
        Assert.Equal("safety", (await driver.OpenAsync()).Step);
    }

    [Fact]
    public async Task Back_from_the_first_practice_question_returns_to_the_case()
    {
        var practiceCase = Case("spanningen-na-het-nieuws");
        var driver = new PracticeDriver();
        await driver.StartAsync(practiceCase.Id);

        var replies = await driver.Harness.SayAsync("terug");

        Assert.Contains(practiceCase.Situation.In("nl"), replies[^1].AllText);
    }

    [Fact]
    public async Task After_the_comparison_a_legal_frame_opens_and_then_the_menu_comes_back()
    {
        var practiceCase = Case("een-moeder-belt-de-jeugdarts");
        var driver = new PracticeDriver();
        await driver.StartAsync(practiceCase.Id);
        await driver.WalkAsync(practiceCase);
        var frame = JepBot.Dialogs.Content.LegalFramesValidator.Default.Find(practiceCase.LegalFrames[1])!;

        var legal = await driver.Harness.ClickAsync("Lees: " + frame.Title.In("nl"));
        Assert.Contains(frame.Summary.In("nl"), legal[0].AllText);
        Assert.Contains("Wat wil je nu doen?", legal[^1].AllText);

        var another = await driver.Harness.ClickAsync("Nog een casus");
        Assert.Contains("Voor welk beroep wil je oefenen?", another[^1].AllText);
        var menu = await driver.Harness.SayAsync("menu");
        Assert.Contains("Waarmee kan ik je helpen?", menu[^1].AllText);
    }

    [Fact]
    public async Task Practising_works_in_English()
    {
        var practiceCase = Case("berichten-van-een-onbekende-man");
        var driver = new PracticeDriver("en-US");
        var first = await driver.StartAsync(practiceCase.Id, command: "practice", start: "Start");
        Assert.Contains("Practice · " + Content.FindStep("safety")!.Title.In("en"), first[^1].AllText);
        var hint = await driver.Harness.ClickAsync("What would an advisor consider?");
        Assert.Contains(practiceCase.Model["safety"].Why.In("en"), hint[0].AllText);

        var replies = await driver.WalkAsync(practiceCase);

        var comparison = PracticeDriver.Comparison(replies);
        Assert.Contains($"All your {practiceCase.Model.Count} choices match the model answer.", comparison.AllText);
        Assert.Contains(practiceCase.Model["consent"].Why.In("en"), comparison.AllText);
        Assert.Contains("Another case", replies[^1].Buttons);
    }

    [Fact]
    public void Oefenen_with_a_case_id_counts_as_a_feature_for_a_chat_opened_from_a_channel()
    {
        var conversation = new JepBot.Dialogs.JepConversation(
            new Microsoft.Bot.Builder.ConversationState(new Microsoft.Bot.Builder.MemoryStorage()),
            new Microsoft.Bot.Builder.UserState(new Microsoft.Bot.Builder.MemoryStorage()));

        Assert.True(conversation.Runner.IsFeatureName("oefenen " + PracticeDriver.Cases.Cases[0].Id));
        Assert.True(conversation.Runner.IsFeatureName("oefenen"));
    }

    [Fact]
    public async Task Every_practice_card_renders_in_the_official_renderer()
    {
        var cards = new List<(string, JObject)>();
        foreach (var (locale, command, start) in new[] { ("nl-NL", "oefenen", "Beginnen"), ("en-US", "practice", "Start") })
        {
            var driver = new PracticeDriver(locale);
            await driver.Harness.SayAsync(command);
            await driver.Werkwijze.ChooseAsync("all");
            foreach (var (practiceCase, i) in PracticeDriver.Cases.Cases.Take(locale == "nl-NL" ? 14 : 3).Select((c, i) => (c, i)))
            {
                await driver.StartAsync(practiceCase.Id, command, start);
                await driver.Harness.SayAsync("hint");
                await driver.WalkAsync(practiceCase, i % 2 == 0 ? null : new Dictionary<string, string[]> { ["safety"] = ["no"], ["scope"] = ["unsure"] });
                await driver.Harness.ClickAsync(driver.Harness.LastCard!.Buttons[0]);
            }

            cards.AddRange(driver.Harness.History.Where(r => r.Card is not null).Select((r, i) => ($"{locale} #{i}", r.Card!)));
            Assert.All(driver.Harness.History, r => Assert.True(MessageSize.Of(r.Activity) < MessageSize.Limit, "a message over 40 KB"));
        }

        var results = await AdaptiveCardRenderer.CheckAsync(cards);
        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
