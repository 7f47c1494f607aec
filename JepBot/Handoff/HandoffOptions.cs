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
}
