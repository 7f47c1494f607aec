using System.Globalization;
using System.Text;

namespace JepBot.Dialogs.Engine;

/// <summary>
/// Normalises typed text so that "Jeugdarts", "jeugdarts!" and " JEUGDARTS " match the same choice,
/// and accents never matter ("privé" = "prive").
/// </summary>
public static class TextMatching
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim(TrimmedPunctuation).Trim();
    }

    public static bool Matches(string? typed, string? candidate)
    {
        var a = Normalize(typed);
        return a.Length > 0 && a == Normalize(candidate);
    }

    private static readonly char[] TrimmedPunctuation = ['.', ',', '!', '?', ';', ':', '"', '\'', '(', ')', ' '];
}
