namespace JepBot.Handoff;

/// <summary>Configuration section "Handoff": the advisors' channel registration and the outbox timing.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>The code advisors type to register their channel ("registreer adviseurskanaal &lt;code&gt;"). A secret: never logged. Empty disables registration.</summary>
    public string RegistrationCode { get; set; } = "";

    /// <summary>How often the outbox looks for due deliveries when nothing wakes it.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetrySeconds"/> (a Retry-After header wins when longer).</summary>
    public double FirstRetrySeconds { get; set; } = 2;

    public double MaxRetrySeconds { get; set; } = 300;

    /// <summary>How long one delivery may take before it counts as a timeout.</summary>
    public double DeliveryTimeoutSeconds { get; set; } = 30;

    /// <summary>The optional e-mail copy of every request ("Handoff:Email").</summary>
    public EmailCopyOptions Email { get; set; } = new();
}

/// <summary>
/// Configuration section "Handoff:Email": an SMTP server and the mailbox that receives a copy of every request.
/// Off while <see cref="Host"/> or <see cref="To"/> is empty. The password is a secret: set it as a user secret or
/// app setting, never in appsettings.json.
/// </summary>
public sealed class EmailCopyOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string From { get; set; } = "";

    /// <summary>The mailbox that receives the copies, e.g. the advisors' shared mailbox.</summary>
    public string To { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(To);

    /// <summary>Checked at start-up, so a typo stops the host instead of failing every e-mail later.</summary>
    public static bool IsValid(EmailCopyOptions options) =>
        Enum.TryParse<MailKit.Security.SecureSocketOptions>(options.Security, ignoreCase: true, out _)
        && options.Port is > 0 and <= 65535
        && MimeKit.InternetAddressList.TryParse(options.To, out var to) && to.Count > 0
        && (string.IsNullOrWhiteSpace(options.From) || MimeKit.MailboxAddress.TryParse(options.From, out _));
}
