using System.Text.RegularExpressions;
using JepBot.Dialogs.Localization;

namespace JepBot.Tests.Dialogs.Localization;

public sealed partial class LocalizerTests
{
    [Fact]
    public void Every_text_exists_in_Dutch_and_English_with_the_same_placeholders()
    {
        var localizer = Localizer.Default;
        var dutch = localizer.Keys(Languages.Dutch).ToHashSet();
        var english = localizer.Keys(Languages.English).ToHashSet();

        Assert.Empty(dutch.Except(english));
        Assert.Empty(english.Except(dutch));
        foreach (var key in dutch)
        {
            var nl = Placeholders(localizer.Get(Languages.Dutch, key));
            var en = Placeholders(localizer.Get(Languages.English, key));
            Assert.True(nl.SetEquals(en), $"Placeholders of '{key}' differ between nl and en.");
        }
    }

    [Fact]
    public void No_text_is_empty()
    {
        foreach (var language in Languages.All)
        {
            foreach (var key in Localizer.Default.Keys(language))
            {
                Assert.False(string.IsNullOrWhiteSpace(Localizer.Default.Get(language, key)), $"{language}:{key} is empty.");
            }
        }
    }

    [Theory]
    [InlineData(null, "nl")]
    [InlineData("", "nl")]
    [InlineData("nl-NL", "nl")]
    [InlineData("nl-BE", "nl")]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "nl")]
    public void Language_follows_the_Teams_locale_with_Dutch_as_default(string? locale, string expected) =>
        Assert.Equal(expected, Languages.FromLocale(locale));

    [Fact]
    public void Unknown_key_is_an_error() => Assert.Throws<KeyNotFoundException>(() => Localizer.Default.Get("nl", "no.such.key"));

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
