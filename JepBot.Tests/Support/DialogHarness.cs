using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.State;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>
/// Talks to a <see cref="DialogRunner"/> through the Bot Framework's TestAdapter and an in-memory store, one turn
/// at a time, and hands back what the bot said. State is saved after each turn exactly as the host does.
/// </summary>
public sealed class DialogHarness
{
    private readonly Func<ConversationState, UserState, DialogRunner> _createRunner;
    private DialogRunner _runner;
    private ConversationState _conversationState;
    private UserState _userState;

    public DialogHarness(Func<ConversationState, UserState, DialogRunner> createRunner, IStorage? storage = null, string locale = "nl-NL", string conversationId = "harness-conversation")
    {
        _createRunner = createRunner;
        Storage = storage ?? new MemoryStorage();
        Adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId));
        Adapter.Locale = locale;
        _conversationState = new ConversationState(Storage);
        _userState = new UserState(Storage);
        _runner = createRunner(_conversationState, _userState);
    }

    public IStorage Storage { get; }

    public TestAdapter Adapter { get; }

    /// <summary>Everything the bot said since the harness was created, in order.</summary>
    public List<BotReply> History { get; } = [];

    /// <summary>The last reply that carried a card; the card a user would click.</summary>
    public BotReply? LastCard { get; private set; }

    /// <summary>Simulates a redeploy or restart: new runner and state objects over the same store.</summary>
    public void Restart(Func<ConversationState, UserState, DialogRunner>? createRunner = null)
    {
        _conversationState = new ConversationState(Storage);
        _userState = new UserState(Storage);
        _runner = (createRunner ?? _createRunner)(_conversationState, _userState);
    }

    public Task<IReadOnlyList<BotReply>> SayAsync(string text) => TurnAsync(Adapter.MakeActivity(text));

    /// <summary>Clicks a button of the last card by its title, sending that button's data.</summary>
    public Task<IReadOnlyList<BotReply>> ClickAsync(string buttonTitle) => SubmitAsync(LastCard!.ButtonData(buttonTitle));

    /// <summary>Sends card data as Teams does for Action.Submit: a message with a value and no text.</summary>
    public Task<IReadOnlyList<BotReply>> SubmitAsync(JObject value)
    {
        var activity = Adapter.MakeActivity(null);
        activity.Value = value;
        return TurnAsync(activity);
    }

    /// <summary>Submits the last card's main button with these input values (as a form post does).</summary>
    public Task<IReadOnlyList<BotReply>> SubmitInputsAsync(string buttonTitle, JObject inputs)
    {
        var data = (JObject)LastCard!.ButtonData(buttonTitle).DeepClone();
        data.Merge(inputs);
        return SubmitAsync(data);
    }

    public async Task<DialogStackState> ReadStackAsync()
    {
        var peek = Adapter.MakeActivity("peek");
        peek.ChannelId = Adapter.Conversation.ChannelId; // TestAdapter only fills this in while processing a turn.
        var context = new TurnContext(Adapter, peek);
        var state = new ConversationState(Storage);
        var accessor = new JsonStateProperty<DialogStackState>(state, "dialogStack");
        return await accessor.GetAsync(context, () => new DialogStackState());
    }

    /// <summary>A turn that does something else than a user's message with the runner (e.g. starts a dialog with options), saved as usual.</summary>
    public Task<IReadOnlyList<BotReply>> CustomTurnAsync(Func<DialogRunner, ITurnContext, CancellationToken, Task> turn) =>
        TurnAsync(Adapter.MakeActivity("custom"), turn);

    private async Task<IReadOnlyList<BotReply>> TurnAsync(Activity activity, Func<DialogRunner, ITurnContext, CancellationToken, Task>? turn = null)
    {
        await Adapter.ProcessActivityAsync(activity, async (context, cancellationToken) =>
        {
            await (turn ?? ((runner, c, ct) => runner.RunTurnAsync(c, ct)))(_runner, context, cancellationToken);
            await _conversationState.SaveChangesAsync(context, false, cancellationToken);
            await _userState.SaveChangesAsync(context, false, cancellationToken);
        });

        var replies = new List<BotReply>();
        while (Adapter.GetNextReply() is { } reply)
        {
            replies.Add(new BotReply(reply));
        }

        History.AddRange(replies);
        LastCard = replies.LastOrDefault(r => r.Card is not null) ?? LastCard;
        return replies;
    }

    public static DialogRunner CreateRunner(DialogSet dialogs, string rootId, ConversationState conversationState, UserState userState) =>
        new(dialogs, rootId,
            new JsonStateProperty<DialogStackState>(conversationState, "dialogStack"),
            new JsonStateProperty<UserPreferences>(userState, "preferences"),
            Localizer.Default);
}
