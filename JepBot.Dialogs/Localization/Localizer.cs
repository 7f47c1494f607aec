using System.Collections.Frozen;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Localization;

/// <summary>
/// Every user-facing text of the engine and the menu, per language, from the embedded resources
/// <c>Resources/{language}.json</c> (flat key → text; <c>{0}</c> placeholders). Loaded once; a missing
/// key is a bug that the resource tests catch, and at run time falls back to Dutch rather than failing a turn.
/// </summary>
public sealed class Localizer
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    private Localizer(FrozenDictionary<string, FrozenDictionary<string, string>> texts) => _texts = texts;

    public static Localizer Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<string> Keys(string language) => _texts[language].Keys;

    public string Get(string language, string key, params object?[] args)
    {
        if (!_texts.TryGetValue(language, out var texts) || !texts.TryGetValue(key, out var text))
        {
            if (!_texts[Languages.Dutch].TryGetValue(key, out text))
            {
                throw new KeyNotFoundException($"No text for key '{key}'.");
            }
        }

        var culture = language == Languages.English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("nl-NL");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    private static Localizer LoadEmbedded()
    {
        var assembly = typeof(Localizer).Assembly;
        var byLanguage = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in Languages.All)
        {
            var name = $"JepBot.Dialogs.Resources.{language}.json";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
            using var reader = new StreamReader(stream);
            var json = JObject.Parse(reader.ReadToEnd());
            byLanguage[language] = json.Properties()
                .ToFrozenDictionary(p => p.Name, p => p.Value.Value<string>() ?? "", StringComparer.Ordinal);
        }

        return new Localizer(byLanguage.ToFrozenDictionary());
    }
}
