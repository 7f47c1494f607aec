using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Engine;

/// <summary>The engine as a user meets it: each test is "the user does X, the bot shows Y".</summary>
public sealed class DialogRunnerTests
{
    [Fact]
    public async Task First_message_begins_the_root_dialog_with_its_question_as_a_card()
    {
        var harness = TestDialogs.Harness();
        var replies = await harness.SayAsync("hallo");

        var card = Assert.Single(replies);
        Assert.Contains("Zullen we beginnen?", card.AllText);
        Assert.Equal(["Beginnen"], card.Buttons);
        Assert.Equal("1.5", card.Card!["version"]!.ToString());
    }

    [Theory]
    [InlineData("Bèta")]
    [InlineData("beta")]
    [InlineData("BETA!")]
    [InlineData("  bèta ")]
    [InlineData("2")]
    [InlineData("tweede")]
    public async Task Typed_answer_matching_a_choice_title_counts_as_choosing_it(string typed)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        var replies = await harness.SayAsync(typed);

        Assert.Contains("Weet je het zeker?", replies[^1].AllText);
        Assert.Equal("b", (await harness.ReadStackAsync()).Active!.Answers["colour"].ToString());
    }

    [Fact]
    public async Task Clicking_a_choice_button_moves_on()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        var replies = await harness.ClickAsync("Gamma");

        Assert.Contains("Weet je het zeker?", replies[^1].AllText);
        Assert.Equal(["Ja", "Nee", "Terug"], replies[^1].Buttons);
    }

    [Fact]
    public async Task Unrecognised_answer_asks_the_same_question_again_and_says_what_was_wrong()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        var before = await harness.ReadStackAsync();

        var replies = await harness.SayAsync("paars");

        var reply = Assert.Single(replies);
        Assert.Contains("Dat antwoord herken ik niet", reply.AllText);
        Assert.Contains("Alpha, Bèta, Gamma", reply.AllText);
        Assert.Contains("Welke kleur?", reply.AllText);
        var after = await harness.ReadStackAsync();
        Assert.Equal(before.Active!.Id, after.Active!.Id);
        Assert.Equal("colour", after.Active.Pending!.Step);
    }

    [Fact]
    public async Task Child_dialog_result_comes_back_to_the_parent()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        var afterYes = await harness.SayAsync("ja");
        Assert.Contains("Noem een woord.", afterYes[^1].AllText);
        Assert.Equal(3, (await harness.ReadStackAsync()).Stack.Count);

        var afterWord = await harness.SayAsync("appel");
        Assert.Contains("Wat is je e-mailadres?", afterWord[^1].AllText);
        Assert.Equal(2, (await harness.ReadStackAsync()).Stack.Count);

        var done = await harness.SayAsync("iemand@example.nl");
        Assert.Contains("Klaar: a/True/APPEL/iemand@example.nl", done[0].Text);
        Assert.Contains("Terug in de start.", done[1].Text);
        Assert.Contains("Zullen we beginnen?", done[^1].AllText);
    }

    [Fact]
    public async Task Text_validator_refuses_and_explains()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        await harness.SayAsync("ja");
        await harness.SayAsync("appel");

        var replies = await harness.SayAsync("geen-adres");

        Assert.Contains("geen geldig e-mailadres", Assert.Single(replies).AllText);
        Assert.Equal("email", (await harness.ReadStackAsync()).Active!.Pending!.Step);
    }

    [Fact]
    public async Task Text_longer_than_allowed_is_refused()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        await harness.SayAsync("ja");

        var replies = await harness.SayAsync(new string('x', 21));

        Assert.Contains("maximaal 20 tekens", Assert.Single(replies).AllText);
    }

    [Theory]
    [InlineData("terug")]
    [InlineData("vorige")]
    [InlineData("Back")]
    public async Task Back_asks_the_previous_question_again_and_drops_later_answers(string command)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        Assert.True((await harness.ReadStackAsync()).Active!.Answers.ContainsKey("colour"));

        var replies = await harness.SayAsync(command);

        Assert.Contains("Welke kleur?", Assert.Single(replies).AllText);
        var stack = await harness.ReadStackAsync();
        Assert.Equal("colour", stack.Active!.Pending!.Step);
        Assert.False(stack.Active.Answers.ContainsKey("colour"));
    }

    [Fact]
    public async Task Back_button_on_the_card_works_like_typing_terug()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");

        var replies = await harness.ClickAsync("Terug");

        Assert.Contains("Welke kleur?", Assert.Single(replies).AllText);
    }

    [Fact]
    public async Task Back_from_the_first_question_of_a_child_returns_to_the_parents_previous_question()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        await harness.SayAsync("ja");

        var replies = await harness.SayAsync("terug");

        Assert.Contains("Weet je het zeker?", Assert.Single(replies).AllText);
        var stack = await harness.ReadStackAsync();
        Assert.Equal(2, stack.Stack.Count);
        Assert.Equal("sure", stack.Active!.Pending!.Step);
        Assert.False(stack.Active.Answers.ContainsKey("sure"));
        Assert.True(stack.Active.Answers.ContainsKey("colour"));
    }

    [Fact]
    public async Task Back_from_the_first_question_of_a_dialog_returns_to_the_question_that_started_it()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();

        var replies = await harness.SayAsync("terug");

        Assert.Contains("Zullen we beginnen?", Assert.Single(replies).AllText);
        Assert.Single((await harness.ReadStackAsync()).Stack);
    }

    [Fact]
    public async Task Back_at_the_very_first_question_says_so_and_asks_it_again()
    {
        var harness = TestDialogs.Harness();
        await harness.SayAsync("hallo");

        var replies = await harness.SayAsync("terug");

        Assert.Equal(2, replies.Count);
        Assert.Contains("eerste vraag", replies[0].Text);
        Assert.Contains("Zullen we beginnen?", replies[1].AllText);
        Assert.DoesNotContain("Terug", replies[1].Buttons);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("annuleer")]
    [InlineData("Cancel")]
    public async Task Stop_ends_every_dialog_and_the_next_message_starts_fresh(string command)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();

        var replies = await harness.SayAsync(command);

        Assert.Contains("ik ben gestopt", Assert.Single(replies).Text);
        Assert.Empty((await harness.ReadStackAsync()).Stack);
        var next = await harness.SayAsync("hallo");
        Assert.Contains("Zullen we beginnen?", next[^1].AllText);
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("opnieuw")]
    public async Task Menu_restarts_at_the_root(string command)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");

        var replies = await harness.SayAsync(command);

        Assert.Contains("Zullen we beginnen?", Assert.Single(replies).AllText);
        Assert.Single((await harness.ReadStackAsync()).Stack);
    }

    [Theory]
    [InlineData("hallo")]
    [InlineData("Hoi!")]
    [InlineData("good morning")]
    public async Task A_greeting_while_a_choice_is_open_greets_back_and_asks_the_question_again(string greeting)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();

        var replies = await harness.SayAsync(greeting);

        Assert.Equal(2, replies.Count);
        Assert.Contains("Hallo!", replies[0].Text);
        Assert.Contains("Welke kleur?", replies[1].AllText);
        Assert.DoesNotContain("herken ik niet", replies[1].AllText);
        Assert.Equal("colour", (await harness.ReadStackAsync()).Active!.Pending!.Step);
    }

    [Fact]
    public async Task A_greeting_typed_as_the_answer_to_a_free_text_question_is_the_answer()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        await harness.SayAsync("ja");

        var replies = await harness.SayAsync("hallo");

        Assert.Contains("Wat is je e-mailadres?", replies[^1].AllText);
        Assert.Equal("HALLO", (await harness.ReadStackAsync()).Active!.Answers["nested"].ToString());
    }

    [Theory]
    [InlineData("help")]
    [InlineData("hulp")]
    public async Task Help_explains_the_question_and_the_commands_then_asks_it_again(string command)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();

        var replies = await harness.SayAsync(command);

        Assert.Equal(2, replies.Count);
        Assert.Contains("Kies de kleur die het best past.", replies[0].AllText);
        Assert.Contains("**terug**", replies[0].AllText);
        Assert.Contains("Welke kleur?", replies[1].AllText);
        Assert.Equal("colour", (await harness.ReadStackAsync()).Active!.Pending!.Step);
    }

    [Fact]
    public async Task A_command_word_inside_a_sentence_is_an_answer_not_a_command()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        await harness.SayAsync("ja");

        var replies = await harness.SayAsync("stop nu");

        Assert.Contains("Wat is je e-mailadres?", replies[^1].AllText);
    }

    [Fact]
    public async Task Click_on_an_older_card_is_refused_and_the_current_question_is_asked_again()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        var colourCard = harness.LastCard!;
        await harness.SayAsync("alpha");
        var before = await harness.ReadStackAsync();

        var replies = await harness.SubmitAsync(colourCard.ButtonData("Gamma"));

        Assert.Equal(2, replies.Count);
        Assert.Contains("niet meer actief", replies[0].Text);
        Assert.Contains("Weet je het zeker?", replies[1].AllText);
        var after = await harness.ReadStackAsync();
        Assert.Equal("a", after.Active!.Answers["colour"].ToString());
        Assert.Equal(DialogsOnly(before), DialogsOnly(after));
    }

    [Theory]
    [InlineData("{\"jep\":{\"d\":\"forged-id\",\"s\":\"colour\"},\"choice\":\"a\"}")]
    [InlineData("{\"jep\":{\"d\":12,\"s\":[1]},\"choice\":\"a\"}")]
    [InlineData("{\"choice\":\"a\"}")]
    [InlineData("{\"jep\":\"x\"}")]
    public async Task Forged_or_foreign_card_data_changes_nothing(string value)
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        var before = DialogsOnly(await harness.ReadStackAsync());

        var replies = await harness.SubmitAsync(JObject.Parse(value));

        Assert.Contains("niet meer actief", replies[0].Text);
        Assert.Equal(before, DialogsOnly(await harness.ReadStackAsync()));
    }

    /// <summary>The state as JSON without the handled activity ids, which every turn adds to.</summary>
    private static string DialogsOnly(JepBot.Dialogs.Engine.State.DialogStackState state)
    {
        var json = JObject.FromObject(state);
        json.Remove(nameof(state.RecentActivityIds));
        return json.ToString(Newtonsoft.Json.Formatting.None);
    }

    [Fact]
    public async Task Current_card_with_a_value_that_was_not_offered_is_refused()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        var data = harness.LastCard!.ButtonData("Alpha");
        data["choice"] = "z";

        var replies = await harness.SubmitAsync(data);

        Assert.Contains("Dat antwoord herken ik niet", Assert.Single(replies).AllText);
        Assert.Equal("colour", (await harness.ReadStackAsync()).Active!.Pending!.Step);
    }

    [Fact]
    public async Task Conversation_continues_at_the_same_step_after_a_restart()
    {
        var storage = new MemoryStorage();
        var harness = await TestDialogs.AtColourQuestionAsync(storage);
        await harness.SayAsync("alpha");

        harness.Restart();
        var replies = await harness.SayAsync("nee");

        Assert.Contains("Noem een woord.", replies[^1].AllText);
        Assert.Equal("a", (await harness.ReadStackAsync()).Stack[1].Answers["colour"].ToString());
    }

    [Fact]
    public async Task Saved_state_pointing_at_a_removed_step_starts_cleanly_at_the_menu()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");

        harness.Restart((c, u) => DialogHarness.CreateRunner(TestDialogs.Create(withoutSecondQuestion: true), TestDialogs.Root, c, u));
        var replies = await harness.SayAsync("ja");

        Assert.Contains("bijgewerkt", replies[0].Text);
        Assert.Contains("Zullen we beginnen?", replies[^1].AllText);
        Assert.Single((await harness.ReadStackAsync()).Stack);
    }

    [Fact]
    public async Task Saved_state_pointing_at_a_removed_dialog_starts_cleanly_at_the_menu()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");
        await harness.SayAsync("ja");

        harness.Restart((c, u) => DialogHarness.CreateRunner(TestDialogs.Create(withoutChild: true), TestDialogs.Root, c, u));
        var replies = await harness.SayAsync("appel");

        Assert.Contains("bijgewerkt", replies[0].Text);
        Assert.Contains("Zullen we beginnen?", replies[^1].AllText);
    }

    [Fact]
    public async Task Unreadable_saved_state_starts_cleanly_at_the_menu()
    {
        var storage = new MemoryStorage();
        var harness = TestDialogs.Harness(storage);
        await harness.SayAsync("hallo");
        var key = (await storage.ReadAsync(["test/conversations/harness-conversation"], CancellationToken.None)).Keys.Single();
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new JObject { ["dialogStack"] = new JObject { ["Stack"] = "not a list" } } }, CancellationToken.None);

        harness.Restart();
        var replies = await harness.SayAsync("hallo");

        Assert.Contains("bijgewerkt", replies[0].Text);
        Assert.Contains("Zullen we beginnen?", replies[^1].AllText);
    }

    [Fact]
    public async Task Taal_with_a_language_switches_and_asks_the_open_question_again_in_that_language()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");

        var replies = await harness.SayAsync("taal en");

        Assert.Contains("English", replies[0].Text);
        Assert.Equal(["Yes", "No", "Back"], replies[^1].Buttons);
        var after = await harness.SayAsync("yes");
        Assert.Contains("Noem een woord.", after[^1].AllText);
        Assert.Contains("Continue", after[^1].Buttons);
    }

    [Fact]
    public async Task Taal_alone_asks_which_language_and_then_returns_to_the_open_question()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("alpha");

        var ask = await harness.SayAsync("taal");
        Assert.Equal(["Nederlands", "English", "Terug"], ask[^1].Buttons);

        var replies = await harness.ClickAsync("English");
        Assert.Contains("English", replies[0].Text);
        Assert.Equal(["Yes", "No", "Back"], replies[^1].Buttons);
        Assert.Equal(2, (await harness.ReadStackAsync()).Stack.Count);
    }

    [Fact]
    public async Task Back_from_the_language_question_returns_to_the_interrupted_question()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();
        await harness.SayAsync("taal");

        var replies = await harness.SayAsync("terug");

        Assert.Contains("Welke kleur?", Assert.Single(replies).AllText);
    }

    [Fact]
    public async Task English_Teams_locale_gets_English_without_asking()
    {
        var harness = TestDialogs.Harness(locale: "en-US");
        await harness.SayAsync("hello");
        await harness.SayAsync("beginnen");
        await harness.SayAsync("alpha");

        Assert.Equal(["Yes", "No", "Back"], harness.LastCard!.Buttons);
    }

    [Fact]
    public async Task Empty_message_is_answered_and_the_question_asked_again()
    {
        var harness = await TestDialogs.AtColourQuestionAsync();

        var replies = await harness.SayAsync("   ");

        Assert.Contains("alleen tekst en knoppen", replies[0].Text);
        Assert.Contains("Welke kleur?", replies[1].AllText);
    }

    [Fact]
    public async Task A_dialog_that_loops_without_asking_fails_the_turn_instead_of_hanging()
    {
        var dialogs = new JepBot.Dialogs.Engine.DialogSet()
            .Add(new JepBot.Dialogs.Engine.WaterfallDialog("loop").AddStep("again", (s, _) => Task.FromResult(s.GoTo("again"))))
            .Add(new JepBot.Dialogs.Flows.Language.LanguageDialog());
        var harness = new DialogHarness((c, u) => DialogHarness.CreateRunner(dialogs, "loop", c, u));

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.SayAsync("hallo"));
    }
}
