using System.Net;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>
/// One Teams conversation with JepBot through its real HTTP endpoint, from the user's side: messages and card
/// submits are posted to the host as Teams would post them, and what the bot answered in that turn is read at the
/// recording connector. The last card is remembered, so a test can click its buttons, answer its question or fill
/// its form the way a user would.
/// </summary>
/// <remarks>The host is asked for on every post, so a test that restarts its host goes on in the same chat.</remarks>
public sealed class HttpChat
{
    private readonly Func<BotHost> _host;
    private readonly RecordingConnector _connector;
    private readonly Func<string?, JObject?, JObject> _message;

    private HttpChat(Func<BotHost> host, RecordingConnector connector, Func<string?, JObject?, JObject> message)
    {
        _host = host;
        _connector = connector;
        _message = message;
    }

    /// <summary>The last card the bot sent in this chat (a turn without a card keeps the one before).</summary>
    public BotReply? LastCard { get; private set; }

    /// <summary>A 1:1 chat of <paramref name="userId"/> with the bot, in <paramref name="locale"/>.</summary>
    public static HttpChat Personal(Func<BotHost> host, RecordingConnector connector, string conversationId, string userId = "29:user-1", string locale = "nl-NL") =>
        new(host, connector, (text, value) => Activities.Message(connector.ServiceUrl, conversationId, text, value, locale: locale, userId: userId));

    /// <summary>Messages in thread <paramref name="thread"/> of a team channel, by one member of the team.</summary>
    public static HttpChat Channel(Func<BotHost> host, RecordingConnector connector, string channelId, string userId = "29:advisor-1", string userName = "Noor Adviseur", string thread = "1") =>
        new(host, connector, (text, value) => Activities.ChannelMessage(connector.ServiceUrl, channelId, text, value, userId, userName, thread));

    /// <summary>The user types <paramref name="text"/>, or submits a card with <paramref name="value"/>.</summary>
    public Task<IReadOnlyList<BotReply>> SayAsync(string? text, JObject? value = null) => PostAsync(_message(text, value));

    /// <summary>The user clicks the button with this title on the last card.</summary>
    public Task<IReadOnlyList<BotReply>> ClickAsync(string title) => SayAsync(null, Card.ButtonData(title));

    /// <summary>The user answers the last card's question: "choice" = "no", "choices" = "a,b", and so on.</summary>
    public Task<IReadOnlyList<BotReply>> AnswerAsync(string field, string value) => SayAsync(null, Card.Answer(field, value));

    /// <summary>The user fills the last card's form with these inputs and submits it.</summary>
    public Task<IReadOnlyList<BotReply>> SubmitAsync(JObject inputs) => SayAsync(null, Card.Filled(inputs));

    /// <summary>
    /// Posts any activity of this chat (e.g. one the test shaped itself) and returns the bot's answers in its turn;
    /// the host must accept it with 200.
    /// </summary>
    public async Task<IReadOnlyList<BotReply>> PostAsync(JObject activity)
    {
        var response = await _host().PostActivityAsync(activity);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the host answered {(int)response.StatusCode} to {activity["text"] ?? activity["value"]}");
        var replies = _connector.RepliesTo(activity);
        LastCard = replies.LastOrDefault(r => r.Card is not null) ?? LastCard;
        return replies;
    }

    private BotReply Card => LastCard ?? throw new InvalidOperationException("The bot has not sent a card in this chat yet.");
}
