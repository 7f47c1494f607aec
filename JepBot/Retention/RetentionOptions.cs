namespace JepBot.Retention;

/// <summary>Configuration section "Retention": how long JepBot keeps what it stores (docs/data-inventory.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Conversation state and user preferences are deleted after this many days without a turn.</summary>
    public int StateDays { get; set; } = 30;

    /// <summary>Requests are deleted this many days after they were resolved (12 months).</summary>
    public int ResolvedRequestDays { get; set; } = 365;

    /// <summary>How often the retention job runs; it also runs shortly after start.</summary>
    public double IntervalHours { get; set; } = 24;

    public static bool IsValid(RetentionOptions o) => o.StateDays >= 1 && o.ResolvedRequestDays >= 1 && o.IntervalHours > 0;
}
