using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Content;

/// <summary>A text in content files: one entry per language (<c>{"nl": "...", "en": "..."}</c>).</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The text in this language, or the Dutch text when a translation is missing.</summary>
    public string In(string language) =>
        TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text : this.GetValueOrDefault(Languages.Dutch, "");
}
