using System.Globalization;

namespace JepBot.Insight;

/// <summary>
/// The only time insight knows: the calendar month in the Netherlands ("2026-11"), so a count made at 00:30 on
/// 1 December in Amsterdam is December's even though it is still November in UTC.
/// </summary>
public static class InsightMonth
{
    private static readonly TimeZoneInfo Netherlands = FindNetherlands();

    public static string Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Netherlands).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <paramref name="count"/> months before the running one, oldest first: complete months only, so the figures
    /// shown no longer change (two looks an hour apart would otherwise tell what happened in that hour).
    /// </summary>
    public static IReadOnlyList<string> CompleteBefore(DateTimeOffset now, int count)
    {
        var local = TimeZoneInfo.ConvertTime(now, Netherlands);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return [.. Enumerable.Range(1, count).Reverse().Select(back => first.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
    }

    private static TimeZoneInfo FindNetherlands()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
