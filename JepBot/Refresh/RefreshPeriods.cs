using System.Globalization;

namespace JepBot.Refresh;

/// <summary>
/// Periods in Dutch time: a monthly period is "yyyy-MM", a weekly one the ISO week "yyyy-Www". A period's card is due
/// from its due moment (the configured day and hour) until the period ends; a period missed entirely (the bot was
/// down all month) is not made up later, the next one simply comes.
/// </summary>
public static class RefreshPeriods
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static string Key(RefreshFrequency frequency, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Amsterdam);
        return frequency == RefreshFrequency.Weekly
            ? $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}"
            : local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the current period's card may go out at <paramref name="now"/>.</summary>
    public static bool IsDue(RefreshFrequency frequency, DateTimeOffset now, RefreshOptions options)
    {
        var local = TimeZoneInfo.ConvertTime(now, Amsterdam).DateTime;
        var dueDay = frequency == RefreshFrequency.Weekly
            ? local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7))
            : new DateTime(local.Year, local.Month, options.DayOfMonth, 0, 0, 0, DateTimeKind.Unspecified);
        return local >= dueDay.AddHours(options.Hour);
    }

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // Containers without tzdata: CET all year is at most an hour off, which only moves the hour a card goes out.
            return TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "CET", "CET");
        }
    }
}
