using System.Net.WebSockets;
using System.Text;
using JepBot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.EndToEnd;

/// <summary>One message the Playground received from the bot (its conversation stream, as its own UI sees it).</summary>
public sealed record PlaygroundMessage(string Action, string ConversationId, string MessageId, JObject Json)
{
    public BotReply Reply { get; } = new(new Activity
    {
        Type = ActivityTypes.Message,
        Text = (string?)Json["text"],
        Attachments = (Json["attachments"] as JArray ?? []).OfType<JObject>()
            .Select(a => new Attachment((string?)a["contentType"], content: a["content"] is JObject c ? c : a["content"]?.Type == JTokenType.String ? JObject.Parse((string)a["content"]!) : null))
            .ToList(),
    });

    public JObject? Card => Reply.Card;

    public string AllText => Reply.AllText;

    public override string ToString() => $"[{Action} {ConversationId} {MessageId}] {AllText.Replace('\n', ' ')}";
}

/// <summary>
/// Drives the Agents Playground through its conversation API, as its own web UI does: posts user messages and card
/// submits over HTTP and reads everything the bot sent from the Playground's WebSocket stream.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    public const string UserId = "user-id-0";
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(45);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PlaygroundMessage> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private Task _reader = Task.CompletedTask;

    private PlaygroundClient(Uri baseUrl) => _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public string PersonalChat { get; private set; } = "";

    public string BotId { get; private set; } = "";

    public string BotName { get; private set; } = "";

    /// <summary>The "General" channel of the Playground's team ("My Team").</summary>
    public string GeneralChannel { get; private set; } = "";

    public static async Task<PlaygroundClient> ConnectAsync(Uri baseUrl, TimeSpan timeout, bool listen = true)
    {
        var client = new PlaygroundClient(baseUrl);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if ((await client._http.GetStringAsync("/_debug/ping")).Contains("pong", StringComparison.Ordinal))
                {
                    break;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{baseUrl}_debug/ping did not answer pong.");
            }

            await Task.Delay(200);
        }

        var config = JObject.Parse(await client._http.GetStringAsync("/_internal/v1/config"))["config"]!;
        client.PersonalChat = (string)config["personalChat"]!["id"]!;
        client.BotId = (string)config["bot"]!["id"]!;
        client.BotName = (string)config["bot"]!["name"]!;
        client.GeneralChannel = (string)config["teams"]![0]!["channels"]!.First(c => (string?)c["name"] == "General")["id"]!;
        if (!listen)
        {
            return client;
        }

        var ws = new UriBuilder(baseUrl) { Scheme = "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
        await client._socket.ConnectAsync(ws, client._stop.Token);
        client._reader = Task.Run(client.ReadAsync);
        return client;
    }

    /// <summary>How many messages have arrived so far; pass it to <see cref="WaitForAsync"/> to look only at later ones.</summary>
    public int Mark()
    {
        lock (_messages)
        {
            return _messages.Count;
        }
    }

    /// <summary>Messages in this conversation (or, for a channel, any thread in it) since the mark.</summary>
    public IReadOnlyList<PlaygroundMessage> Since(string conversation, int mark)
    {
        lock (_messages)
        {
            return _messages.Skip(mark).Where(m => In(m, conversation)).ToList();
        }
    }

    /// <summary>Installs the bot in the personal chat, as loading the Playground's page does (installationUpdate, conversationUpdate).</summary>
    public Task InstallAsync() => PostAsync($"/_debug/conversation/{PersonalChat}/installation", new JObject { ["directLineConversationId"] = PersonalChat });

    /// <summary>A user message; in a channel, with <paramref name="mentionBot"/>, it starts with an @mention of the bot as Teams sends it.</summary>
    public Task SayAsync(string conversation, string text, bool mentionBot = false)
    {
        var body = new JObject { ["type"] = "text", ["from"] = new JObject { ["id"] = UserId }, ["text"] = text, ["textFormat"] = "plain" };
        if (mentionBot)
        {
            var at = $"<at>{BotName}</at>";
            body["text"] = at + " " + text;
            body["mentions"] = new JArray(new JObject { ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = BotName }, ["text"] = at });
        }

        return PostAsync($"/_conversation/v1/conversations/{conversation}/messages", body);
    }

    /// <summary>An Action.Submit on the card with this message id, carrying <paramref name="value"/> (the button's data merged with the inputs).</summary>
    public Task SubmitAsync(string conversation, string cardMessageId, JObject value) =>
        PostAsync("/_conversation/v1/submit", new JObject
        {
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = UserId },
            ["replyToId"] = cardMessageId,
            ["value"] = value,
        });

    /// <summary>Waits for the first message since the mark in this conversation that matches; fails with everything that did arrive.</summary>
    public async Task<PlaygroundMessage> WaitForAsync(string conversation, int mark, Func<PlaygroundMessage, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ReplyTimeout);
        while (true)
        {
            if (Since(conversation, mark).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The Playground did not receive {what} in {conversation}. It received since then:\n"
                    + string.Join("\n", Since(conversation, mark).Select(m => "  " + m)));
            }

            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    public Task<PlaygroundMessage> WaitForTextAsync(string conversation, int mark, string text, TimeSpan? timeout = null) =>
        WaitForAsync(conversation, mark, m => m.AllText.Contains(text, StringComparison.Ordinal), $"a message with \"{text}\"", timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }

        _socket.Dispose();
        _http.Dispose();
    }

    private static bool In(PlaygroundMessage message, string conversation) =>
        message.ConversationId == conversation || message.ConversationId.StartsWith(conversation + ";", StringComparison.Ordinal);

    private async Task PostAsync(string path, JObject body)
    {
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var json = JObject.Parse(Encoding.UTF8.GetString(frame.ToArray()));
            frame.SetLength(0);
            if (json["message"] is JObject message && (string?)json["action"] is "createMessage" or "updateMessage")
            {
                lock (_messages)
                {
                    _messages.Add(new PlaygroundMessage((string)json["action"]!, (string?)json["actionConversationId"] ?? "", (string?)message["messageId"] ?? "", message));
                }

                _arrived.Release();
            }
        }
    }
}
