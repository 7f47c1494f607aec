using System.Globalization;

namespace JepBot.Dialogs.Insight;

/// <summary>
/// How insight counts are shown so that no small number can be seen or worked out (docs/insight.md):
/// <list type="number">
/// <item>a count of 1 to 4 is shown as "&lt;5" (0 as "0", 5 and more exactly);</item>
/// <item>where parts add up to a total that is also shown (the outcomes of one month add up to its finished walks),
/// the total is hidden ("x") as soon as one of its parts is "&lt;5": otherwise the total minus the parts shown could
/// give the small ones away. Whether a total is hidden depends only on what is shown anyway (is a part "&lt;5"?), so
/// hiding it tells nothing either.</item>
/// </list>
/// </summary>
/// <remarks>
/// Hiding other parts instead of the total (complementary suppression) keeps the total, but which parts get hidden,
/// and when that is not enough, depends on the hidden values themselves, and a reader who knows the rule can then
/// still pin a small part down in some cases (e.g. 6 = 5 + 1). JepBot.Tests checks this rule against such a reader by
/// brute force.
/// </remarks>
public static class InsightSuppression
{
    /// <summary>Counts below this are never shown as they are.</summary>
    public const int Threshold = 5;

    /// <summary>A count from 1 to 4.</summary>
    public const string Small = "<5";

    /// <summary>A total hidden so that a small part cannot be worked out by subtraction.</summary>
    public const string Hidden = "x";

    public static string Cell(long count) =>
        count <= 0 ? "0" : count < Threshold ? Small : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A total and the parts that add up to it, as shown; parts in the order given.</summary>
    public static (string Total, IReadOnlyList<string> Parts) TotalAndParts(long total, IReadOnlyList<long> parts)
    {
        var shownParts = parts.Select(Cell).ToArray();
        return (shownParts.Contains(Small) ? Hidden : Cell(total), shownParts);
    }
}
