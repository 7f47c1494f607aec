using JepBot.Dialogs;
using JepBot.Dialogs.Cards;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>The foundation's own conversation: greeting, the menu of built features, "Over JepBot", language, welcome.</summary>
public sealed class JepConversationTests
{
    private static DialogHarness Harness(string locale = "nl-NL") =>
        new((c, u) => new JepConversation(c, u).Runner, locale: locale);

    [Fact]
    public async Task First_message_greets_and_shows_the_menu_of_built_features_only()
    {
        var replies = await Harness().SayAsync("hoi");

        Assert.Contains("Ik ben JepBot", replies[0].Text);
        Assert.Contains("Waarmee kan ik je helpen?", replies[1].AllText);
        Assert.Equal(["Ik maak me zorgen", "Juridische kaders", "Oefenen met een casus", "Over JepBot", "Taal / Language"], replies[1].Buttons);
    }

    [Fact]
    public async Task About_shows_what_JepBot_is_and_returns_to_the_menu()
    {
        var harness = Harness();
        await harness.SayAsync("hoi");

        var replies = await harness.ClickAsync("Over JepBot");

        Assert.Equal(2, replies.Count);
        Assert.Contains("Werkwijze informatie delen bij mogelijke radicalisering", replies[0].AllText);
        Assert.Contains("112", replies[0].AllText);
        Assert.Contains("Waarmee kan ik je helpen?", replies[1].AllText);
    }

    [Fact]
    public async Task Back_from_a_menu_item_after_the_menu_restarted_itself_asks_the_menu_again()
    {
        // Found by the random walk: the restarted menu has no options, which stored state turns into a JSON null.
        var harness = new DialogHarness((c, u) => new JepConversation(c, u).Runner, new JepBot.Storage.SqliteStorage(BotHost.NewDatabasePath()));
        await harness.SayAsync("hoi");
        await harness.ClickAsync("Over JepBot");
        await harness.ClickAsync("Taal / Language");

        var replies = await harness.SayAsync("terug");

        Assert.Contains("Waarmee kan ik je helpen?", Assert.Single(replies).AllText);
    }

    [Fact]
    public async Task Typed_menu_item_works_too()
    {
        var harness = Harness();
        await harness.SayAsync("hoi");

        var replies = await harness.SayAsync("over jepbot");

        Assert.Contains("Over JepBot", replies[0].AllText);
    }

    [Fact]
    public async Task Language_from_the_menu_switches_and_shows_the_menu_in_English()
    {
        var harness = Harness();
        await harness.SayAsync("hoi");
        await harness.ClickAsync("Taal / Language");

        var replies = await harness.ClickAsync("English");

        Assert.Contains("English", replies[0].Text);
        Assert.Contains("How can I help you?", replies[^1].AllText);
        Assert.Equal(["I'm worried", "Legal frames", "Practise with a case", "About JepBot", "Taal / Language"], replies[^1].Buttons);
    }

    [Fact]
    public async Task Language_choice_is_remembered_for_the_user_in_a_new_conversation()
    {
        var storage = new MemoryStorage();
        var first = new DialogHarness((c, u) => new JepConversation(c, u).Runner, storage);
        await first.SayAsync("hoi");
        await first.SayAsync("taal en");

        // Same user, another conversation, a Dutch Teams client: the stored choice wins over the locale.
        var second = new DialogHarness((c, u) => new JepConversation(c, u).Runner, storage, locale: "nl-NL", conversationId: "another-conversation");
        var replies = await second.SayAsync("hoi");

        Assert.Contains("How can I help you?", replies[^1].AllText);
    }

    [Fact]
    public async Task Welcome_is_sent_once_per_conversation()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("welcome")) { Locale = "nl-NL" };
        var conversationState = new ConversationState(storage);
        var conversation = new JepConversation(conversationState, new UserState(storage));

        for (var i = 0; i < 3; i++)
        {
            await adapter.ProcessActivityAsync(adapter.MakeActivity(null), async (context, ct) =>
            {
                await conversation.WelcomeAsync(context, WelcomeAudience.Personal, ct);
                await conversationState.SaveChangesAsync(context, false, ct);
            });
        }

        var welcome = new BotReply(adapter.GetNextReply());
        Assert.Contains("Welkom bij JepBot", welcome.AllText);
        Assert.Contains("noem nooit de naam", welcome.AllText);
        Assert.Equal(["Beginnen", "Hulp"], welcome.Buttons);
        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task Welcome_button_starts_the_menu()
    {
        var harness = Harness();
        var replies = await harness.SubmitAsync(InfoCard.CommandData("menu"));

        Assert.Contains("Waarmee kan ik je helpen?", replies[^1].AllText);
    }

    [Fact]
    public void Team_welcome_sends_people_to_a_private_chat_and_offers_no_start_button()
    {
        var card = new BotReply(AdaptiveCard.ToActivity(WelcomeCard.Build(JepBot.Dialogs.Localization.Localizer.Default, "nl", WelcomeAudience.Team), "x"));

        Assert.Contains("1-op-1-chat", card.AllText);
        Assert.Equal(["Hulp"], card.Buttons);
    }
}
