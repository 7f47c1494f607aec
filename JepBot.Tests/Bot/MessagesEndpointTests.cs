using System.Net;
using JepBot.Bot;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Bot;

/// <summary>
/// The host through its real HTTP path: Teams-shaped activity JSON is posted to /api/messages and the bot's
/// answers are read at a recording connector on 127.0.0.1, where the activity's serviceUrl points.
/// </summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(BotHost.NewDatabasePath());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Bot_added_to_a_personal_chat_sends_the_Dutch_welcome_card_to_the_service_url()
    {
        var response = await _host.PostActivityAsync(Activities.BotAdded(_connector.ServiceUrl, "conv-welcome"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Equal("conv-welcome", sent.ConversationId);
        Assert.Contains("Welkom bij JepBot", sent.Reply.AllText);
        Assert.Equal("1.5", sent.Reply.Card!["version"]!.ToString());
    }

    [Fact]
    public async Task Install_and_member_events_together_welcome_only_once()
    {
        await _host.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, "conv-once"));
        await _host.PostActivityAsync(Activities.BotAdded(_connector.ServiceUrl, "conv-once"));
        await _host.PostActivityAsync(Activities.InstallationAdd(_connector.ServiceUrl, "conv-once"));

        Assert.Single(await _connector.WaitForAsync(1), a => a.Reply.Contains("Welkom bij JepBot"));
        Assert.Single(_connector.Received);
    }

    [Fact]
    public async Task Bot_added_to_a_team_welcomes_the_channel_and_points_to_a_private_chat()
    {
        await _host.PostActivityAsync(Activities.BotAdded(_connector.ServiceUrl, "19:channel@thread.tacv2", "channel"));

        var sent = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Contains("1-op-1-chat", sent.Reply.AllText);
    }

    [Fact]
    public async Task A_message_gets_the_greeting_and_the_menu_as_replies_to_that_message()
    {
        var message = Activities.Message(_connector.ServiceUrl, "conv-menu", "hallo");
        var response = await _host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _connector.WaitForAsync(2);
        Assert.All(sent, a => Assert.Equal(message["id"]!.ToString(), a.ReplyToId));
        Assert.Contains("Ik ben JepBot", sent[0].Reply.Text);
        Assert.Contains("Waarmee kan ik je helpen?", sent[1].Reply.AllText);
        Assert.Equal(["Ik maak me zorgen", "Juridische kaders", "Oefenen met een casus", "Contact met een adviseur", "Werkatelier aanvragen", "Meer…", "Over JepBot", "Taal / Language"], sent[1].Reply.Buttons);
    }

    [Fact]
    public async Task A_card_submit_runs_the_chosen_menu_item()
    {
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-submit", "hallo"));
        var menu = (await _connector.WaitForAsync(2))[1].Reply;
        _connector.Clear();

        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-submit", null, menu.ButtonData("Over JepBot")));

        var sent = await _connector.WaitForAsync(2);
        Assert.Contains("Over JepBot", sent[0].Reply.AllText);
        Assert.Contains("Waarmee kan ik je helpen?", sent[1].Reply.AllText);
    }

    [Fact]
    public async Task English_Teams_locale_gets_English()
    {
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-en", "hello", locale: "en-US"));

        var sent = await _connector.WaitForAsync(2);
        Assert.Contains("How can I help you?", sent[1].Reply.AllText);
    }

    [Fact]
    public async Task After_a_restart_the_conversation_continues_at_its_step()
    {
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-restart", "hallo"));
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-restart", "taal / language"));
        var languageCard = (await _connector.WaitForAsync(3))[2].Reply;
        Assert.Equal(["Nederlands", "English", "Terug"], languageCard.Buttons);
        await _host.DisposeAsync();
        _connector.Clear();

        _host = new BotHost(_host.DatabasePath);
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-restart", null, languageCard.ButtonData("English")));

        var sent = await _connector.WaitForAsync(2);
        Assert.Contains("English", sent[0].Reply.Text);
        Assert.Contains("How can I help you?", sent[^1].Reply.AllText);
    }

    [Fact]
    public async Task Concurrent_messages_of_one_conversation_are_all_answered_in_turn()
    {
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-busy", "hallo"));
        await _connector.WaitForAsync(2);
        _connector.Clear();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-busy", "paars"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var sent = await _connector.WaitForAsync(8);
        Assert.All(sent, a => Assert.Contains("herken ik niet", a.Reply.AllText));
    }

    [Fact]
    public async Task A_failed_turn_tells_the_user_in_Dutch_logs_no_user_text_and_clears_only_the_dialog()
    {
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-fail", "taal en"));
        await _connector.WaitForAsync(2);
        _connector.Clear();
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-fail", "menu"));
        await _connector.WaitForAsync(1);
        _connector.Clear();

        // The connector refuses the first reply of the next turn, so that turn fails halfway.
        _connector.FailNext(1);
        const string marker = "Geheime-Tekst-4711";
        var response = await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-fail", marker, locale: "nl-NL"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Contains("er ging aan mijn kant iets mis", error.Reply.Text);
        Assert.Contains("opnieuw", error.Reply.Text);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Bad", StringComparison.Ordinal) && l.Contains("Operation returned", StringComparison.Ordinal));
        _connector.Clear();

        // The dialog is gone (a fresh start greets again), but the user's language choice survived.
        await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-fail", "hello"));
        var after = await _connector.WaitForAsync(2);
        Assert.Contains("I'm JepBot", after[0].Reply.Text);
        Assert.Contains("How can I help you?", after[1].Reply.AllText);
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("\"text\"", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:1/\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"not a url\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"file:///etc/passwd\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":5,\"serviceUrl\":\"http://127.0.0.1:1/\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1/\",\"timestamp\":\"gisteren\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1/\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1/\",\"from\":{}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("{\"type\":\"message\"}", null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("{\"type\":\"somethingNew\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1/\",\"from\":{\"id\":\"u\"}}", "application/json", HttpStatusCode.OK)]
    public async Task Malformed_or_unexpected_requests_get_a_clear_status_and_no_reply(string body, string? contentType, HttpStatusCode expected)
    {
        var response = await _host.PostRawAsync(body, contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_with_400()
    {
        var body = "{\"type\":\"message\",\"value\":" + new string('[', 200) + new string(']', 200) + "}";

        var response = await _host.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_413()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "conv-big", new string('x', 300 * 1024));

        var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Theory]
    [InlineData(20 * 1024, 200)]
    [InlineData(MessagesEndpoint.MaxBodyBytes - 1024, 200)]
    [InlineData(300 * 1024, 413)]
    public async Task A_body_without_a_declared_length_is_read_whole_up_to_the_limit(int textLength, int expected)
    {
        // No Content-Length (a chunked request): the reader cannot size its buffer up front and grows it while reading.
        var activity = Activities.Message(_connector.ServiceUrl, "conv-chunked", new string('x', textLength));
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new TrickleStream(System.Text.Encoding.UTF8.GetBytes(activity.ToString(Newtonsoft.Json.Formatting.None)));

        var (read, problem, status) = await MessagesEndpoint.ReadActivityAsync(context.Request);

        Assert.Null(context.Request.ContentLength);
        Assert.Equal(expected, status);
        if (expected == 200)
        {
            Assert.Null(problem);
            Assert.Equal(textLength, read!.Text.Length);
        }
        else
        {
            Assert.Null(read);
            Assert.Contains("larger than", problem);
        }
    }

    [Theory]
    [InlineData("conversation", "id", "a:ᦾᦾᦾ")]
    [InlineData("conversation", "id", "a:with space")]
    [InlineData("from", "id", "29:\u0000user")]
    [InlineData(null, "id", "act-\u00e9")]
    [InlineData(null, "replyToId", "x")]
    public async Task Ids_that_are_not_short_printable_ASCII_are_refused_with_400_before_any_state(string? parent, string field, string value)
    {
        var activity = Activities.Message(_connector.ServiceUrl, "conv-ids", "menu");
        var target = parent is null ? activity : (JObject)activity[parent]!;
        target[field] = field == "replyToId" ? new string('r', MessagesEndpoint.MaxIdLength + 1) : value;

        var response = await _host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("printable ASCII", await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Received);
    }

    [Theory]
    [InlineData("""{"team": 5}""")]
    [InlineData("""{"tenant": {"id": ["x"]}}""")]
    [InlineData("""{"eventType": {"a": 1}}""")]
    [InlineData("""["not", "an", "object"]""")]
    public async Task ChannelData_of_the_wrong_shape_is_refused_with_400(string channelData)
    {
        foreach (var type in new[] { "message", "messageDelete", "conversationUpdate" })
        {
            var activity = Activities.Message(_connector.ServiceUrl, "conv-channeldata", "menu");
            activity["type"] = type;
            activity["channelData"] = JToken.Parse(channelData);

            var response = await _host.PostActivityAsync(activity);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Empty(_connector.Received);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_activities_get_a_quiet_200()
    {
        var invoke = Activities.Message(_connector.ServiceUrl, "conv-invoke", null);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";

        var response = await _host.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Head_probe_and_health_answer()
    {
        using var client = _host.CreateClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));
        var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = JObject.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("ok", body["status"]!.ToString());
        Assert.Equal("sqlite", body["store"]!.ToString());
        Assert.True(File.Exists(_host.DatabasePath));
    }

    [Fact]
    public async Task The_store_file_is_created_when_the_host_starts_before_any_request()
    {
        await using var host = new BotHost(BotHost.NewDatabasePath());
        Assert.False(File.Exists(host.DatabasePath));

        _ = host.Services; // starts the host, as 'dotnet run' does

        Assert.True(File.Exists(host.DatabasePath));
        Assert.Contains(host.Logs.Lines, l => l.Contains("State store: SQLite at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_reports_503_when_the_store_cannot_be_queried()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.DatabasePath}"))
        {
            _ = _host.Services;
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE state;";
            drop.ExecuteNonQuery();
        }

        using var client = _host.CreateClient();
        var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.False((bool)JObject.Parse(await health.Content.ReadAsStringAsync())["storeReachable"]!);
    }

    /// <summary>A request body that cannot tell its length and hands out at most 3000 bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 3000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
