using System.Text.RegularExpressions;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Privacy;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// Looks at a professional's own description of a concern, which JepBot never stores: does it judge instead of
/// describe ("agressief"), and does it contain details that identify someone (the <see cref="IdentifierDetector"/>)?
/// </summary>
public static partial class FreeTextCheck
{
    /// <param name="JudgementWords">The judging words found, as the content lists them.</param>
    /// <param name="IdentifierKinds">The kinds of identifying detail found, each once, in order of appearance.</param>
    public sealed record Findings(IReadOnlyList<string> JudgementWords, IReadOnlyList<IdentifierKind> IdentifierKinds);

    public static Findings Check(string text, IEnumerable<string> judgementWords)
    {
        var words = WordSeparator().Split(TextMatching.Normalize(text)).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        var judged = judgementWords.Where(w => words.Contains(TextMatching.Normalize(w))).Distinct().ToList();
        var kinds = IdentifierDetector.Default.Detect(text).Select(d => d.Kind).Distinct().ToList();
        return new Findings(judged, kinds);
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparator();
}
