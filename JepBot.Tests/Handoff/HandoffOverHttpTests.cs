using System.Net;
using JepBot.Dialogs.Handoff;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Handoff;

/// <summary>
/// Werkatelier and advisor requests through the real host: the professional's chat, the advisors' channel and the
/// outbox, all asserted on what the recording connector received.
/// </summary>
public sealed class HandoffOverHttpTests : IAsyncLifetime
{
    private const string Code = "geheim-code-42";
    private const string AdvisorChannel = "19:advisors@thread.tacv2";
    private const string Chat = "a:professional-chat";
    private static readonly string Year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private RecordingConnector _connector = null!;
    private BotHost _host = null!;
    private HttpChat _chat = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = NewHost(BotHost.NewDatabasePath());
        _chat = HttpChat.Personal(() => _host, _connector, Chat);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static BotHost NewHost(string path, string deliveryTimeoutSeconds = "30", string firstRetrySeconds = "0.2", string maxRetrySeconds = "2") => new(path, new Dictionary<string, string?>
    {
        ["Handoff:RegistrationCode"] = Code,
        ["Handoff:PollSeconds"] = "0.2",
        ["Handoff:FirstRetrySeconds"] = firstRetrySeconds,
        ["Handoff:MaxRetrySeconds"] = maxRetrySeconds,
        ["Handoff:DeliveryTimeoutSeconds"] = deliveryTimeoutSeconds,
    });

    private IHandoffStore Store => _host.Services.GetRequiredService<IHandoffStore>();

    [Fact]
    public async Task A_wrong_registration_code_changes_nothing_and_is_never_logged()
    {
        var reply = await ChannelAsync("registreer adviseurskanaal fout-geraden-123");

        Assert.Contains("Die code klopt niet", reply.Single().Text);
        Assert.Null(await Store.GetAdvisorChannelAsync(CancellationToken.None));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("fout-geraden-123", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("wrong code", StringComparison.Ordinal));

        await ChannelAsync("registreer adviseurskanaal " + Code);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Werkatelier_request_from_chat_to_channel_claimed_and_resolved_with_the_requester_told()
    {
        await RegisterAsync();
        var reference = await RequestWerkatelierAsync(participants: "12");

        Assert.Equal($"WA-{Year}-0001", reference);
        var thread = await WaitForThreadAsync(1);
        Assert.Equal(AdvisorChannel, (string?)thread.Parameters!["channelData"]!["channel"]!["id"]);
        Assert.Contains(reference, thread.Reply.AllText);
        Assert.Contains("Zaanstad", thread.Reply.AllText);
        Assert.Equal(["Oppakken", "Chat in Teams"], thread.Reply.Buttons);

        var claim = await ChannelAsync(null, thread.Reply.ButtonData("Oppakken"), thread: thread.ActivityId!);
        var update = _connector.Updates.Last();
        Assert.Equal(thread.ActivityId, update.ReplyToId);
        Assert.Contains("Opgepakt door Noor Adviseur", update.Reply.AllText);
        Assert.Contains(_connector.Received, r => r.ConversationId == Chat && (r.Reply.Text ?? "").Contains($"Noor Adviseur heeft je aanvraag {reference} opgepakt", StringComparison.Ordinal));
        Assert.Empty(claim);

        await ChannelAsync(null, update.Reply.ButtonData("Afronden"), thread: thread.ActivityId!);
        Assert.Contains("Afgerond door Noor Adviseur", _connector.Updates.Last().Reply.AllText);
        Assert.Contains(_connector.Received, r => r.ConversationId == Chat && (r.Reply.Text ?? "").Contains($"{reference} is afgerond", StringComparison.Ordinal));
        Assert.Equal(RequestStatus.Resolved, (await Store.GetAsync(reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Two_advisors_claiming_at_once_one_wins_and_the_other_is_told_who_has_it_in_every_round()
    {
        await RegisterAsync();
        for (var round = 1; round <= 8; round++)
        {
            var reference = await RequestWerkatelierAsync();
            var thread = await WaitForThreadAsync(round);
            var claimData = thread.Reply.ButtonData("Oppakken");
            var notificationsBefore = Notifications(reference, "opgepakt");

            var before = _connector.Received.Count;
            var first = ChannelAsync(null, claimData, userId: "29:advisor-1", userName: "Noor Adviseur", thread: thread.ActivityId!);
            var second = ChannelAsync(null, claimData, userId: "29:advisor-2", userName: "Sem Adviseur", thread: thread.ActivityId!);
            _ = round % 2 == 0 ? await Task.WhenAll(second, first) : await Task.WhenAll(first, second);

            // Counted once over both turns: each call's own list may also hold the other turn's reply.
            var told = Assert.Single(_connector.Received.Skip(before), r => r.ConversationId.StartsWith(AdvisorChannel, StringComparison.Ordinal) && !r.IsNewThread && !r.IsUpdate).Reply;
            var request = await Store.GetAsync(reference, CancellationToken.None);
            Assert.Equal(RequestStatus.Claimed, request!.Status);
            Assert.Contains(request.ClaimedBy, new[] { "Noor Adviseur", "Sem Adviseur" });
            Assert.Contains($"{request.ClaimedBy} heeft aanvraag {reference} al opgepakt", told.Text);
            Assert.Equal(notificationsBefore + 1, Notifications(reference, "opgepakt"));
        }
    }

    private int Notifications(string reference, string word) =>
        _connector.Received.Count(r => r.ConversationId == Chat && (r.Reply.Text ?? "").Contains(reference, StringComparison.Ordinal) && (r.Reply.Text ?? "").Contains(word, StringComparison.Ordinal));

    [Fact]
    public async Task The_same_send_delivered_twice_creates_one_request()
    {
        await RegisterAsync();
        var review = await FillWerkatelierUntilReviewAsync("12");
        var send = review.ButtonData("Versturen");

        await Task.WhenAll(_chat.SayAsync(null, send), _chat.SayAsync(null, send));
        await _chat.SayAsync(null, send);

        await WaitForThreadAsync(1);
        await Task.Delay(600);
        Assert.Single(_connector.Threads);
        Assert.Single(await Store.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Teams_redelivering_the_same_send_makes_no_second_request_and_only_confirms_the_same_reference_again()
    {
        // Teams redelivers when it got no answer in time, also when the bot stopped after storing: the redelivery is
        // then the only way the user learns the reference, so it is confirmed again rather than ignored.
        var review = await FillWerkatelierUntilReviewAsync("12");
        var send = Activities.Message(_connector.ServiceUrl, Chat, null, review.ButtonData("Versturen"));

        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(send)).StatusCode);
        var before = _connector.Received.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(send)).StatusCode);

        var second = Assert.Single(_connector.Received.Skip(before), r => r.ConversationId == Chat);
        Assert.Contains($"Deze aanvraag is al verstuurd: WA-{Year}-0001", second.Reply.AllText);
        Assert.Single(await Store.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_channel_the_request_waits_and_is_delivered_once_a_channel_is_registered_even_after_a_restart()
    {
        var reference = await RequestWerkatelierAsync();
        await Task.Delay(700);
        Assert.Empty(_connector.Threads);
        Assert.False((await Store.GetAsync(reference, CancellationToken.None))!.Delivery.Delivered);

        await _host.DisposeAsync();
        _host = NewHost(_host.DatabasePath);
        await RegisterAsync();

        var thread = await WaitForThreadAsync(1);
        Assert.Contains(reference, thread.Reply.AllText);
        Assert.True((await WaitForDeliveredAsync(reference)).Delivered);
    }

    [Fact]
    public async Task Requests_waiting_for_a_channel_go_out_as_soon_as_one_is_registered_not_at_their_next_backoff()
    {
        await _host.DisposeAsync();
        _host = NewHost(_host.DatabasePath, firstRetrySeconds: "300", maxRetrySeconds: "300");
        var reference = await RequestWerkatelierAsync();
        var waiting = DateTime.UtcNow.AddSeconds(10);
        while ((await Store.GetAsync(reference, CancellationToken.None))!.Delivery.Attempts == 0)
        {
            Assert.True(DateTime.UtcNow < waiting, "the outbox never tried");
            await Task.Delay(50);
        }

        await RegisterAsync();

        var thread = await WaitForThreadAsync(1, TimeSpan.FromSeconds(5));
        Assert.Contains(reference, thread.Reply.AllText);
    }

    [Fact]
    public async Task Delivery_survives_429_with_retry_after_then_500_then_succeeds_once()
    {
        await RegisterAsync();
        _connector.FailNextThreads(1, 429, retryAfter: "1");
        _connector.FailNextThreads(1, 500);

        var reference = await RequestWerkatelierAsync();

        var thread = await WaitForThreadAsync(1, TimeSpan.FromSeconds(20));
        Assert.Contains(reference, thread.Reply.AllText);
        var delivery = await WaitForDeliveredAsync(reference);
        Assert.Equal(3, _connector.ThreadAttempts);
        Assert.Equal(3, delivery.Attempts);
        Assert.Single(_connector.Threads);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("not delivered by channel (429)", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("not delivered by channel (500)", StringComparison.Ordinal));
        Assert.Single(_connector.Received, r => r.ConversationId.StartsWith(AdvisorChannel, StringComparison.Ordinal) && !r.IsNewThread && !r.IsUpdate); // only "registered"
    }

    [Fact]
    public async Task A_forbidden_post_and_a_hanging_connector_are_retried_until_the_request_is_delivered_once()
    {
        await _host.DisposeAsync();
        _host = NewHost(_host.DatabasePath, deliveryTimeoutSeconds: "0.5");
        await RegisterAsync();
        _connector.FailNextThreads(1, 403);
        _connector.HangNextThread(TimeSpan.FromSeconds(3));

        var reference = await RequestWerkatelierAsync();

        var thread = await WaitForThreadAsync(1, TimeSpan.FromSeconds(20));
        Assert.Contains(reference, thread.Reply.AllText);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("not delivered by channel (403)", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("not delivered by channel (timeout)", StringComparison.Ordinal));
        Assert.Equal(3, (await WaitForDeliveredAsync(reference)).Attempts);

        // The hanging post's late answer changes nothing.
        await Task.Delay(3500);
        Assert.Equal(3, (await Store.GetAsync(reference, CancellationToken.None))!.Delivery.Attempts);
        Assert.Single(_connector.Threads);
    }

    [Fact]
    public async Task Registering_another_channel_moves_delivery_there()
    {
        await RegisterAsync();
        var first = await RequestWerkatelierAsync();
        Assert.Equal(AdvisorChannel, (string?)(await WaitForThreadAsync(1)).Parameters!["channelData"]!["channel"]!["id"]);

        const string other = "19:new-advisors@thread.tacv2";
        var before = _connector.Received.Count;
        await _host.PostActivityAsync(Activities.ChannelMessage(_connector.ServiceUrl, other, "registreer adviseurskanaal " + Code));
        Assert.Contains(_connector.Received.Skip(before), r => r.ConversationId.StartsWith(other, StringComparison.Ordinal));
        var second = await RequestWerkatelierAsync();

        var thread = await WaitForThreadAsync(2);
        Assert.Equal(other, (string?)thread.Parameters!["channelData"]!["channel"]!["id"]);
        Assert.Contains(second, thread.Reply.AllText);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("otherChannel")]
    public async Task Ticket_buttons_outside_the_advisors_channel_change_nothing(string where)
    {
        await RegisterAsync();
        var reference = await RequestWerkatelierAsync();
        var thread = await WaitForThreadAsync(1);
        var claim = thread.Reply.ButtonData("Oppakken");

        var before = _connector.Received.Count;
        var activity = where == "personal"
            ? Activities.Message(_connector.ServiceUrl, Chat, null, claim)
            : Activities.ChannelMessage(_connector.ServiceUrl, "19:elsewhere@thread.tacv2", null, claim);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity)).StatusCode);

        Assert.Contains(_connector.Received.Skip(before), r => (r.Reply.Text ?? "").Contains("Die aanvraag ken ik niet", StringComparison.Ordinal));
        Assert.Equal(RequestStatus.Open, (await Store.GetAsync(reference, CancellationToken.None))!.Status);
        Assert.Empty(_connector.Updates);
    }

    [Fact]
    public async Task Openstaande_aanvragen_lists_unclaimed_requests_in_the_advisors_channel()
    {
        await RegisterAsync();
        var first = await RequestWerkatelierAsync();
        await WaitForThreadAsync(1);

        var replies = await ChannelAsync("openstaande aanvragen");

        Assert.Contains(first, replies.Single().AllText);
        Assert.Contains("nog niet opgepakt", replies.Single().AllText);
    }

    [Fact]
    public async Task Advisor_request_with_identifiers_in_the_question_sends_only_the_redacted_text()
    {
        await RegisterAsync();
        await _chat.SayAsync("adviseur");
        await _chat.AnswerAsync("choice", "sharing");
        await _chat.AnswerAsync("choice", "week");
        await _chat.SubmitAsync(new JObject { ["way"] = "phone", ["name"] = "Kim Jansen", ["phone"] = "06 11112222", ["email"] = "", ["organisation"] = "Wijkteam Noord" });
        var confirm = await _chat.SayAsync("Mijn leerling genaamd Youssef Amrani (bel zijn moeder op 0612345678) deelt filmpjes.");

        Assert.Contains("[telefoonnummer]", confirm[^1].AllText);
        Assert.DoesNotContain("0612345678", confirm[^1].AllText);
        await _chat.AnswerAsync("choice", "ok");
        var done = await _chat.ClickAsync("Versturen");
        Assert.Contains($"AV-{Year}-0001", done[^2].AllText + done[^1].AllText);

        var thread = await WaitForThreadAsync(1);
        Assert.Contains("[telefoonnummer]", thread.Reply.AllText);
        Assert.Contains("0611112222", thread.Reply.AllText);
        Assert.DoesNotContain("0612345678", thread.Reply.AllText);
        Assert.DoesNotContain("Amrani", thread.Reply.AllText);
        Assert.DoesNotContain("0612345678", string.Join("\n", _host.Logs.Lines));
        Assert.DoesNotContain("0612345678", await File.ReadAllTextAsync(_host.DatabasePath));
    }

    [Fact]
    public async Task A_second_Versturen_on_a_sent_request_confirms_it_again_and_stores_nothing_new()
    {
        await RegisterAsync();
        var review = await FillWerkatelierUntilReviewAsync("12");
        var send = review.ButtonData("Versturen");
        var first = await _chat.SayAsync(null, send);
        Assert.Contains($"WA-{Year}-0001", string.Join("\n", first.Select(r => r.AllText)));

        // Again from the same card, and the same click redelivered by Teams (same activity id).
        var again = await _chat.SayAsync(null, send);
        var redelivered = Activities.Message(_connector.ServiceUrl, Chat, null, send);
        redelivered["id"] = "act-redelivered-1";
        await _host.PostActivityAsync(redelivered);
        var before = _connector.Received.Count;
        await _host.PostActivityAsync(redelivered);

        Assert.Contains($"Deze aanvraag is al verstuurd: WA-{Year}-0001", again.Single().AllText);
        Assert.Contains(_connector.Received.Skip(before), r => r.ConversationId == Chat && r.Reply.AllText.Contains($"WA-{Year}-0001", StringComparison.Ordinal));
        Assert.Single(await Store.OpenAsync(CancellationToken.None));
        Assert.Null(await Store.GetAsync($"WA-{Year}-0002", CancellationToken.None));
    }

    [Fact]
    public async Task Erase_my_data_removes_the_chat_state_and_takes_the_person_out_of_their_requests()
    {
        await RegisterAsync();
        await _chat.SayAsync("adviseur");
        await _chat.AnswerAsync("choice", "sharing");
        await _chat.AnswerAsync("choice", "week");
        await _chat.SubmitAsync(new JObject { ["way"] = "phone", ["name"] = "Kim Jansen", ["phone"] = "06 11112222", ["email"] = "kim@wijkteam.example", ["organisation"] = "Wijkteam Noord" });
        await _chat.SayAsync("Hoe weeg ik af of ik mag delen?");
        await _chat.AnswerAsync("choice", "ok");
        await _chat.ClickAsync("Versturen");
        await WaitForThreadAsync(1);
        await _chat.SayAsync("taal en");
        await _chat.SayAsync("zorg");

        var asked = await _chat.SayAsync("delete my data");
        Assert.Contains("Do you want me to delete your data?", asked[^1].AllText);
        var done = await _chat.AnswerAsync("choice", "yes");

        Assert.Contains("Your data has been deleted", done[^1].AllText);
        Assert.Contains($"AV-{Year}-0001", done[^1].AllText);
        Assert.DoesNotContain(done, r => r.AllText.Contains("acute danger", StringComparison.OrdinalIgnoreCase));
        var request = (await Store.GetAsync($"AV-{Year}-0001", CancellationToken.None))!;
        Assert.Equal((null, null, null), (request.RequesterName, request.RequesterId, request.RequesterConversation));
        Assert.Equal(["way", "organisation"], request.Fields.Properties().Select(p => p.Name).Where(n => n is "way" or "organisation" or "name" or "phone" or "email"));
        Assert.Equal(RequestStatus.Open, request.Status);
        Assert.Equal(0, CountStateRows());

        // The next message starts afresh, in Dutch again (the language choice went too).
        var next = await _chat.SayAsync("hallo");
        Assert.Contains("Waarmee kan ik je helpen?", next[^1].AllText);
    }

    [Fact]
    public async Task Erase_my_data_answered_no_erases_nothing()
    {
        await _chat.SayAsync("taal en");

        await _chat.SayAsync("wis mijn gegevens");
        var kept = await _chat.AnswerAsync("choice", "no");

        Assert.Contains("deleted nothing", kept[0].AllText);
        Assert.True(CountStateRows() > 0);
    }

    private long CountStateRows()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM state WHERE key LIKE '%' || $chat OR key LIKE '%/users/29:user-1';";
        command.Parameters.AddWithValue("$chat", Chat);
        return (long)command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("teacher", false)]
    [InlineData("socialTeam", true)]
    public async Task After_the_decision_record_an_advisor_is_offered_to_everyone_and_a_werkatelier_to_municipal_staff(string profession, bool werkatelierOffered)
    {
        await WalkWerkwijzeToRecordAsync(profession);

        // The Werkwijze has handed over to the follow-up question: its steps and answers left the state with it.
        var stored = StoredConversationState();
        Assert.Equal(["werkwijzeFollowUp"], stored.SelectTokens("dialogStack.Stack[*].DialogId").Select(t => (string)t!));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(stored.ToString(Newtonsoft.Json.Formatting.None)), 1, 2048);
        Assert.Contains("Je afwegingsverslag", (string)stored.SelectToken("dialogStack.Notes.decisionRecord")!);
        Assert.Contains("Een JEP-adviseur laten meedenken", _chat.LastCard!.Buttons);
        Assert.Equal(werkatelierOffered, _chat.LastCard.Buttons.Contains("Werkatelier aanvragen voor de gemeente"));
        var next = await _chat.ClickAsync(werkatelierOffered ? "Werkatelier aanvragen voor de gemeente" : "Klaar, terug naar het menu");
        Assert.Contains(werkatelierOffered ? "Een werkatelier voor jouw gemeente" : "Waarmee kan ik je helpen?", next[^1].AllText);
    }

    [Fact]
    public async Task An_advisor_request_after_the_werkwijze_carries_the_decision_record_when_the_professional_opts_in()
    {
        await RegisterAsync();
        await WalkWerkwijzeToRecordAsync("teacher");
        await _chat.ClickAsync("Een JEP-adviseur laten meedenken");
        await _chat.AnswerAsync("choice", "sharing");
        await _chat.AnswerAsync("choice", "normal");
        await _chat.SubmitAsync(new JObject { ["way"] = "teams", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "", ["organisation"] = "" });
        await _chat.SayAsync("Heb ik het goed afgewogen?");
        var attach = await _chat.AnswerAsync("choice", "ok");
        Assert.Contains("verslag", attach[^1].AllText);
        await _chat.AnswerAsync("choice", "yes");
        await _chat.ClickAsync("Versturen");

        var thread = await WaitForThreadAsync(1);
        var request = Assert.Single(await Store.OpenAsync(CancellationToken.None));
        Assert.NotNull(request.Attachment);
        Assert.Contains("Docent, mentor of zorgcoördinator", request.Attachment);
        Assert.Contains("Docent, mentor of zorgcoördinator", thread.Reply.AllText);
    }

    [Fact]
    public async Task Acute_urgency_goes_to_112_and_is_never_queued()
    {
        await RegisterAsync();
        await _chat.SayAsync("adviseur");
        await _chat.AnswerAsync("choice", "sharing");

        var replies = await _chat.AnswerAsync("choice", "acute");

        Assert.Contains("112", replies[0].AllText);
        Assert.Empty(await Store.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Too_many_participants_explains_the_maximum_and_offers_several_sessions()
    {
        await RegisterAsync();
        await _chat.SayAsync("werkatelier");
        await _chat.ClickAsync("Aanvraag starten");

        var replies = await _chat.SubmitAsync(WerkatelierForm("40"));

        Assert.Contains("maximaal 15", replies[^1].AllText);
        await _chat.ClickAsync("3 werkateliers aanvragen");
        await _chat.ClickAsync("Versturen");
        var request = Assert.Single(await Store.OpenAsync(CancellationToken.None));
        Assert.Equal(3, (int)request.Fields["sessions"]!);
    }

    [Fact]
    public async Task Invalid_form_fields_are_marked_and_what_was_entered_stays()
    {
        await _chat.SayAsync("werkatelier");
        await _chat.ClickAsync("Aanvraag starten");

        var replies = await _chat.SubmitAsync(new JObject { ["municipality"] = "", ["name"] = "Sam", ["email"] = "geen-mail", ["phone"] = "123", ["participants"] = "0", ["location"] = "maan" });

        var text = replies.Single().AllText;
        Assert.Contains("Dit veld is verplicht", text);
        Assert.Contains("geen geldig e-mailadres", text);
        Assert.Contains("geen geldig Nederlands telefoonnummer", text);
        Assert.Contains("Kies een van de opties", text);
        Assert.Equal("geen-mail", (string?)replies.Single().Card!.SelectToken("$..[?(@.id == 'email')].value"));
    }

    [Theory]
    [InlineData("municipality", "\"\"", "Dit veld is verplicht")]
    [InlineData("municipality", "\"   \"", "Dit veld is verplicht")]
    [InlineData("name", "null", "Dit veld is verplicht")]
    [InlineData("municipality", "LONG:101", "gebruik maximaal 100 tekens")]
    [InlineData("remarks", "LONG:1001", "gebruik maximaal 1000 tekens")]
    [InlineData("remarks", "LONG:100000", "gebruik maximaal 1000 tekens")]
    [InlineData("email", "\"a@b\"", "geen geldig e-mailadres")]
    [InlineData("email", "\"naam @gemeente.nl\"", "geen geldig e-mailadres")]
    [InlineData("phone", "\"06-1234567\"", "geen geldig Nederlands telefoonnummer")]
    [InlineData("phone", "\"+32 470 12 34 56\"", "geen geldig Nederlands telefoonnummer")]
    [InlineData("participants", "\"twaalf\"", "Vul een heel getal in")]
    [InlineData("participants", "\"1.5\"", "Vul een heel getal in")]
    [InlineData("participants", "\"99999999999999999999\"", "Vul een heel getal in")]
    [InlineData("participants", "\"0\"", "Kies een getal van 1 tot en met 500")]
    [InlineData("participants", "\"-3\"", "Kies een getal van 1 tot en met 500")]
    [InlineData("participants", "[12]", "Vul een heel getal in")]
    [InlineData("participants", "{\"n\":12}", "Vul een heel getal in")]
    [InlineData("location", "\"op de maan\"", "Kies een van de opties")]
    [InlineData("groups", "\"teachers,astronauts\"", "Kies een van de opties")]
    public async Task Every_kind_of_invalid_werkatelier_field_is_marked_and_nothing_is_stored(string field, string json, string message)
    {
        await _chat.SayAsync("werkatelier");
        await _chat.ClickAsync("Aanvraag starten");
        var form = WerkatelierForm("12");
        form[field] = json.StartsWith("LONG:", StringComparison.Ordinal) ? new string('x', int.Parse(json[5..], System.Globalization.CultureInfo.InvariantCulture)) : JToken.Parse(json);

        var replies = await _chat.SubmitAsync(form);

        var card = replies.Single();
        Assert.Contains(message, card.AllText);
        Assert.DoesNotContain("Klopt dit?", card.AllText);
        if (field != "municipality")
        {
            // The form comes back with what was entered.
            Assert.Equal("Zaanstad", (string?)card.Card!.SelectToken("$..[?(@.id == 'municipality')].value"));
        }

        Assert.Empty(await Store.OpenAsync(CancellationToken.None));
        Assert.True(MessageSize.Of(card.Card!) < 40_000);
    }

    [Theory]
    [InlineData("phone", "", "", "telefoonnummer")]
    [InlineData("email", "", "", "e-mailadres")]
    public async Task Advisor_contact_by_phone_or_email_needs_that_detail(string way, string phone, string email, string expected)
    {
        await _chat.SayAsync("adviseur");
        await _chat.AnswerAsync("choice", "sharing");
        await _chat.AnswerAsync("choice", "week");

        var replies = await _chat.SubmitAsync(new JObject { ["way"] = way, ["name"] = "Kim Jansen", ["phone"] = phone, ["email"] = email, ["organisation"] = "" });

        Assert.Contains(expected, replies[^1].AllText);
        await _chat.ClickAsync(replies[^1].Buttons[0]);
        Assert.Contains("Hoe kan de adviseur je bereiken?", _chat.LastCard!.AllText);
    }

    [Fact]
    public async Task Every_card_sent_along_both_requests_and_the_ticket_lifecycle_renders_without_problems()
    {
        await RegisterAsync();
        await WalkWerkwijzeToRecordAsync("socialTeam");
        await _chat.ClickAsync("Werkatelier aanvragen voor de gemeente");
        await _chat.ClickAsync("Aanvraag starten");
        await _chat.SubmitAsync(new JObject { ["municipality"] = "", ["email"] = "fout", ["participants"] = "40" });
        await _chat.SubmitAsync(WerkatelierForm("40"));
        await _chat.ClickAsync("3 werkateliers aanvragen");
        await _chat.ClickAsync("Versturen");
        await _chat.SayAsync("adviseur");
        await _chat.AnswerAsync("choice", "signals");
        await _chat.AnswerAsync("choice", "week");
        await _chat.SubmitAsync(new JObject { ["way"] = "email", ["name"] = "Kim Jansen", ["phone"] = "", ["email"] = "kim@wijkteam.nl", ["organisation"] = "Wijkteam" });
        await _chat.SayAsync("Een jongen genaamd Daan (geb. 3-4-2010) zegt rare dingen.");
        await _chat.AnswerAsync("choice", "ok");
        await _chat.AnswerAsync("choice", "yes");
        await _chat.ClickAsync("Versturen");
        var ticket = await WaitForThreadAsync(2);
        await ChannelAsync(null, ticket.Reply.ButtonData("Oppakken"), thread: ticket.ActivityId!);
        await ChannelAsync(null, _connector.Updates.Last().Reply.ButtonData("Afronden"), thread: ticket.ActivityId!);
        await ChannelAsync(null, _connector.Updates.Last().Reply.ButtonData("Heropenen"), thread: ticket.ActivityId!);
        await ChannelAsync("openstaande aanvragen");
        await _chat.SayAsync("acuut");

        var cards = _connector.Received.Where(r => r.Reply.Card is not null)
            .Select((r, i) => ($"#{i} {(r.IsNewThread ? "thread" : r.IsUpdate ? "update" : r.ConversationId)}", r.Reply.Card!)).ToList();
        Assert.True(cards.Count >= 25, $"expected at least 25 cards, got {cards.Count}");
        Assert.Equal(3, _connector.Updates.Count);
        var results = await JepBot.Tests.Cards.AdaptiveCardRenderer.CheckAsync(cards);
        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, "Cards the renderer objected to:\n" + string.Join("\n", failures));
        Assert.All(cards, c => Assert.True(MessageSize.Of(c.Item2) < 40_000, c.Item1));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
    }

    // --- helpers: a professional in a personal chat, advisors in the channel ---

    /// <summary>The short path through the Werkwijze (ideas without violence) to the decision record.</summary>
    private JObject StoredConversationState()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM state WHERE key LIKE '%/conversations/' || $chat;";
        command.Parameters.AddWithValue("$chat", Chat);
        return JObject.Parse((string)command.ExecuteScalar()!);
    }

    private async Task WalkWerkwijzeToRecordAsync(string profession)
    {
        await _chat.SayAsync("zorg");
        foreach (var (field, value) in new[] { ("choice", "no"), ("choice", profession), ("choice", "16to17"), ("choices", "ideology,onlineContent"), ("choices", "openToTalk") })
        {
            await _chat.AnswerAsync(field, value);
        }

        await _chat.SayAsync("-");
        await _chat.AnswerAsync("choice", "ideasOnly");
        await _chat.AnswerAsync("choice", "record");
    }

    private JObject WerkatelierForm(string participants) => new()
    {
        ["municipality"] = "Zaanstad", ["organisation"] = "Team Jeugd", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl",
        ["phone"] = "075 123 4567", ["period"] = "voorjaar 2027", ["participants"] = participants, ["groups"] = "teachers,youthWorkers",
        ["location"] = "chain", ["remarks"] = "Graag na de herfstvakantie.",
    };

    private async Task<BotReply> FillWerkatelierUntilReviewAsync(string participants)
    {
        await _chat.SayAsync("werkatelier");
        await _chat.ClickAsync("Aanvraag starten");
        var review = await _chat.SubmitAsync(WerkatelierForm(participants));
        Assert.Contains("Klopt dit?", review[^1].AllText);
        return review[^1];
    }

    private async Task<string> RequestWerkatelierAsync(string participants = "12")
    {
        var review = await FillWerkatelierUntilReviewAsync(participants);
        var confirmation = await _chat.SayAsync(null, review.ButtonData("Versturen"));
        var text = string.Join("\n", confirmation.Select(c => c.AllText));
        var match = System.Text.RegularExpressions.Regex.Match(text, @"WA-\d{4}-\d{4}");
        Assert.True(match.Success, "no reference in: " + text);
        return match.Value;
    }

    private async Task RegisterAsync()
    {
        var reply = await ChannelAsync("registreer adviseurskanaal " + Code);
        Assert.Contains("adviseurskanaal", reply.Single().Text);
    }

    private async Task<RecordedActivity> WaitForThreadAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_connector.Threads.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} thread(s) in the advisors' channel, got {_connector.Threads.Count}; log:\n" + string.Join("\n", _host.Logs.Lines.TakeLast(15)));
            await Task.Delay(50);
        }

        return _connector.Threads[count - 1];
    }

    /// <summary>The post reaches the connector a moment before the outbox records it: wait for the record.</summary>
    private async Task<DeliveryState> WaitForDeliveredAsync(string reference)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var delivery = (await Store.GetAsync(reference, CancellationToken.None))!.Delivery;
            if (delivery.Delivered)
            {
                return delivery;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{reference} was never recorded as delivered");
            await Task.Delay(50);
        }
    }

    /// <summary>An advisor's message or card click in the advisors' channel, in a thread (the ticket's activity id) or not.</summary>
    private Task<IReadOnlyList<BotReply>> ChannelAsync(string? text, JObject? value = null, string userId = "29:advisor-1", string userName = "Noor Adviseur", string thread = "1") =>
        HttpChat.Channel(() => _host, _connector, AdvisorChannel, userId, userName, thread).SayAsync(text, value);
}
