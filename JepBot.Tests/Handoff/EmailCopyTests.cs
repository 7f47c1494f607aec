using System.Net;
using System.Net.Sockets;
using JepBot.Dialogs.Handoff;
using JepBot.Handoff;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Handoff;

/// <summary>
/// The optional e-mail copy of each request, sent by the outbox over SMTP (MailKit) to an in-process SMTP server
/// (netDumbster): sent once with the request's lines, retried while the server is down, and never sent when no
/// mailbox is configured.
/// </summary>
public sealed class EmailCopyTests : IAsyncLifetime
{
    private const string Mailbox = "adviseurs@ess.example";
    private readonly int _smtpPort = FreePort.OnLoopback();
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;
    private SimpleSmtpServer? _smtp;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _smtp?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _connector.DisposeAsync();
    }

    private BotHost NewHost(bool withEmail) => new(BotHost.NewDatabasePath(), new Dictionary<string, string?>
    {
        ["Handoff:PollSeconds"] = "0.2",
        ["Handoff:FirstRetrySeconds"] = "0.2",
        ["Handoff:MaxRetrySeconds"] = "0.5",
        ["Handoff:Email:Host"] = withEmail ? "127.0.0.1" : "",
        ["Handoff:Email:Port"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Handoff:Email:Security"] = "None",
        ["Handoff:Email:From"] = "jepbot@ess.example",
        ["Handoff:Email:To"] = withEmail ? Mailbox : "",
    });

    private IHandoffStore Store => _host.Services.GetRequiredService<IHandoffStore>();

    private void StartSmtp() => _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(_smtpPort).Build();

    [Fact]
    public async Task Each_request_is_mailed_once_with_its_lines_and_without_anything_else()
    {
        StartSmtp();
        _host = NewHost(withEmail: true);
        var reference = await SubmitAsync();

        await WaitUntilAsync(() => _smtp!.ReceivedEmailCount >= 1, "an e-mail");
        await WaitUntilAsync(async () => (await Store.GetAsync(reference, CancellationToken.None))!.EmailCopy is { Delivered: true }, "the copy recorded as sent");
        await Task.Delay(600);

        var mail = Assert.Single(_smtp!.ReceivedEmail);
        Assert.Equal(Mailbox, mail.ToAddresses.Single().Address);
        Assert.Contains(reference, mail.Subject);
        Assert.Contains("Zaanstad", mail.Subject);
        var body = mail.MessageParts[0].BodyData;
        Assert.Contains("Gemeente: Zaanstad", body);
        Assert.Contains("Graag in het voorjaar, [naam] komt ook.", body);
        Assert.Contains("https://teams.microsoft.com/l/chat/0/0?users=", body);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Zaanstad", StringComparison.Ordinal) || l.Contains("sam@zaanstad.nl", StringComparison.Ordinal));
        Assert.Contains(_host.Logs.Lines, l => l.Contains($"Request {reference} delivered by e-mail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_copy_waits_and_is_sent_once_it_is_back()
    {
        _host = NewHost(withEmail: true);
        var reference = await SubmitAsync();

        await WaitUntilAsync(async () => (await Store.GetAsync(reference, CancellationToken.None))!.EmailCopy is { Attempts: >= 2, Delivered: false }, "failed attempts recorded");
        var waiting = (await Store.GetAsync(reference, CancellationToken.None))!;
        Assert.NotNull(waiting.EmailCopy!.LastError);
        Assert.Contains(_host.Logs.Lines, l => l.Contains($"Request {reference} not delivered by e-mail", StringComparison.Ordinal));

        StartSmtp();
        await WaitUntilAsync(() => _smtp!.ReceivedEmailCount >= 1, "the e-mail after the server came back");
        await WaitUntilAsync(async () => (await Store.GetAsync(reference, CancellationToken.None))!.EmailCopy is { Delivered: true, LastError: null }, "the copy recorded as sent");
        await Task.Delay(600);
        Assert.Equal(1, _smtp!.ReceivedEmailCount);
    }

    [Fact]
    public async Task Without_a_mailbox_no_copy_is_wanted_and_nothing_waits_for_one()
    {
        _host = NewHost(withEmail: false);
        var reference = await SubmitAsync(registerChannel: true);

        await WaitUntilAsync(async () => (await Store.GetAsync(reference, CancellationToken.None))!.Delivery.Delivered, "the channel delivery");
        var request = (await Store.GetAsync(reference, CancellationToken.None))!;
        Assert.Null(request.EmailCopy);
        Assert.True(request.FullyDelivered);
    }

    [Theory]
    [InlineData("StartTls", 587, "a@b.nl", "", true)]
    [InlineData("none", 25, "a@b.nl, c@d.nl", "bot@b.nl", true)]
    [InlineData("Tls", 587, "a@b.nl", "", false)]
    [InlineData("None", 0, "a@b.nl", "", false)]
    [InlineData("None", 25, "geen adres", "", false)]
    [InlineData("None", 25, "a@b.nl", "niet goed", false)]
    public void Mail_settings_are_checked_at_start_up(string security, int port, string to, string from, bool valid) =>
        Assert.Equal(valid, EmailCopyOptions.IsValid(new EmailCopyOptions { Host = "smtp.example", Security = security, Port = port, To = to, From = from }));

    [Fact]
    public async Task A_host_with_broken_mail_settings_does_not_start()
    {
        await using var host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?>
        {
            ["Handoff:Email:Host"] = "smtp.example",
            ["Handoff:Email:To"] = Mailbox,
            ["Handoff:Email:Security"] = "Tls",
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.CreateClient());
        Assert.Contains("Handoff:Email", error.Message);
    }

    /// <summary>Stores a werkatelier request as the dialog does and wakes the outbox.</summary>
    private async Task<string> SubmitAsync(bool registerChannel = false)
    {
        if (registerChannel)
        {
            await Store.SetAdvisorChannelAsync(new AdvisorChannel
            {
                ChannelId = "19:advisors@thread.tacv2",
                Reference = new Microsoft.Bot.Schema.ConversationReference
                {
                    ChannelId = "msteams",
                    ServiceUrl = _connector.ServiceUrl,
                    Bot = new Microsoft.Bot.Schema.ChannelAccount(Activities.BotId, "JepBot"),
                    Conversation = new Microsoft.Bot.Schema.ConversationAccount { Id = "19:advisors@thread.tacv2", IsGroup = true, ConversationType = "channel" },
                },
            }, CancellationToken.None);
        }

        var (request, _) = await Store.AddAsync(new HandoffRequest
        {
            Kind = RequestKind.Werkatelier,
            IdempotencyKey = "Werkatelier:" + Guid.NewGuid().ToString("N"),
            CreatedUtc = DateTimeOffset.UtcNow,
            Fields = new JObject { ["municipality"] = "Zaanstad", ["name"] = "Sam de Vries", ["email"] = "sam@zaanstad.nl", ["participants"] = 12, ["location"] = "chain", ["remarks"] = "Graag in het voorjaar, [naam] komt ook." },
            RequesterName = "Sam de Vries",
            RequesterId = "aad-sam",
            Delivery = new DeliveryState { NextAttemptUtc = DateTimeOffset.UtcNow },
        }, CancellationToken.None);
        _host.Services.GetRequiredService<DeliveryTrigger>().RequestWaiting();
        return request.Reference;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

}
