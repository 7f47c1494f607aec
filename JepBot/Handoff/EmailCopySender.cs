using JepBot.Dialogs.Content;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace JepBot.Handoff;

/// <summary>Sends the e-mail copy of a request over SMTP (MailKit). Failures are thrown; the outbox retries them.</summary>
public sealed class EmailCopySender(IOptions<HandoffOptions> options, Localizer localizer)
{
    private readonly EmailCopyOptions _options = options.Value.Email;

    public bool Enabled => _options.Enabled;

    public async Task SendAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var message = HandoffEmail.Build(request, _options, HandoffContent.Default, localizer);
        using var client = new SmtpClient();
        await client.ConnectAsync(_options.Host, _options.Port, Enum.Parse<SecureSocketOptions>(_options.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
