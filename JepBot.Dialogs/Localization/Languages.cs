namespace JepBot.Dialogs.Localization;

/// <summary>The languages JepBot speaks. Dutch is the default: users are Dutch professionals.</summary>
public static class Languages
{
    public const string Dutch = "nl";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Dutch, English];

    /// <summary>
    /// Picks the language for a Teams locale such as "en-US" or "nl-NL": English only when the locale asks for it,
    /// Dutch for everything else, including a missing or unknown locale.
    /// </summary>
    public static string FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Dutch;
        }

        return locale.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;
    }

    public static bool IsSupported(string? language) => language is not null && All.Contains(language);
}
