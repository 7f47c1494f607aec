using System.Text.RegularExpressions;
using JepBot.Dialogs.Insight;

namespace JepBot.Insight;

/// <summary>The checks every insight store makes before it writes: what may become a counter at all.</summary>
public static partial class InsightStoreArguments
{
    /// <summary>A Teams team id is well under this.</summary>
    public const int MaxMunicipalityLength = 200;

    public static bool IsMonth(string? month) => month is not null && Month().IsMatch(month);

    /// <summary>Throws when something else than a team id, a month and well-formed events would be stored. Messages never repeat a key.</summary>
    public static void Check(string municipality, string month, IReadOnlyCollection<InsightEvent> events)
    {
        if (string.IsNullOrEmpty(municipality) || municipality.Length > MaxMunicipalityLength)
        {
            throw new ArgumentException($"An insight municipality is a team id of 1 to {MaxMunicipalityLength} characters.", nameof(municipality));
        }

        CheckMonth(month);
        if (events.Any(e => !e.IsWellFormed))
        {
            // The key is not repeated: an ill-formed one could be something a user typed.
            throw new ArgumentException("An insight event is a known metric with a content id as key (or no key).", nameof(events));
        }
    }

    public static void CheckMonth(string month)
    {
        if (!IsMonth(month))
        {
            throw new ArgumentException("An insight month is written yyyy-MM, e.g. 2026-11: nothing finer is stored.", nameof(month));
        }
    }

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();
}
