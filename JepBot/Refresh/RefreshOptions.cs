namespace JepBot.Refresh;

/// <summary>Configuration section "Refresh": when the knowledge refresh cards go out.</summary>
public sealed class RefreshOptions
{
    public const string Section = "Refresh";

    /// <summary>How often the scheduler looks for channels whose period is due.</summary>
    public double PollSeconds { get; set; } = 300;

    /// <summary>Hour of the day (Europe/Amsterdam) from which a period's card may go out: 9 = not before 09:00.</summary>
    public int Hour { get; set; } = 9;

    /// <summary>Day of the month a monthly card is due (1-28); weekly cards are due on Mondays.</summary>
    public int DayOfMonth { get; set; } = 1;

    /// <summary>How long one instance's claim on a period holds before another may try (a crashed post).</summary>
    public double ClaimSeconds { get; set; } = 300;

    public static bool IsValid(RefreshOptions o) =>
        o.PollSeconds > 0 && o.Hour is >= 0 and <= 23 && o.DayOfMonth is >= 1 and <= 28 && o.ClaimSeconds > 0;
}
