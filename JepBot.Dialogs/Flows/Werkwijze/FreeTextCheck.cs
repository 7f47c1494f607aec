using System.Text.RegularExpressions;
using JepBot.Dialogs.Engine;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// Looks at a professional's own description of a concern, which JepBot never stores: does it judge instead of
/// describe ("agressief"), and does it look like it names someone (e-mail, phone, postcode, date, address)?
/// A first line of defence; a later issue adds a full detector for identifying details.
/// </summary>
public static partial class FreeTextCheck
{
    public sealed record Findings(IReadOnlyList<string> JudgementWords, IReadOnlyList<string> IdentifierKinds);

    public static Findings Check(string text, IEnumerable<string> judgementWords)
    {
        var words = WordSeparator().Split(TextMatching.Normalize(text)).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        var judged = judgementWords.Where(w => words.Contains(TextMatching.Normalize(w))).Distinct().ToList();

        var kinds = new List<string>();
        if (Email().IsMatch(text))
        {
            kinds.Add("email");
        }

        if (Phone().IsMatch(text))
        {
            kinds.Add("phone");
        }

        if (Postcode().IsMatch(text))
        {
            kinds.Add("postcode");
        }

        if (Date().IsMatch(text))
        {
            kinds.Add("date");
        }

        if (Address().IsMatch(text))
        {
            kinds.Add("address");
        }

        return new Findings(judged, kinds);
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparator();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(\+31|0031|\b0)[\s-]?[1-9](?:[\s-]?\d){7,8}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[1-9]\d{3}\s?[A-Z]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,2}[-/.]\d{1,2}[-/.](\d{2}|\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b\w+(straat|laan|weg|plein|gracht|kade|singel|dreef|hof|steeg)\s+\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
