using System.Collections.Frozen;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards.Templating;

/// <summary>
/// The card templates shipped in <c>Cards/Templates/*.json</c> (embedded), each with sample data in
/// <c>*.samples.json</c> that a designer can paste into the Adaptive Cards Designer. All templates are parsed on
/// first use; one with an unsupported expression, a version other than 1.5 or no samples stops the app.
/// </summary>
public static class CardTemplates
{
    private const string Prefix = "JepBot.Dialogs.Cards.Templates.";
    private const string SamplesSuffix = ".samples.json";

    private static readonly Lazy<FrozenDictionary<string, (CardTemplate Template, JArray Samples)>> All = new(Load);

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    public static CardTemplate Get(string name) =>
        All.Value.TryGetValue(name, out var entry) ? entry.Template : throw new KeyNotFoundException($"No card template '{name}'.");

    public static JArray Samples(string name) => (JArray)All.Value[name].Samples.DeepClone();

    /// <summary>Expands a template with data given as an object graph (anonymous objects, lists, records).</summary>
    public static JObject Expand(string name, object data) => Get(name).Expand(data as JToken ?? JToken.FromObject(data));

    private static FrozenDictionary<string, (CardTemplate, JArray)> Load()
    {
        var assembly = typeof(CardTemplates).Assembly;
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var templates = new Dictionary<string, (CardTemplate, JArray)>(StringComparer.Ordinal);
        foreach (var resource in resources.Where(r => !r.EndsWith(SamplesSuffix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..^".json".Length];
            var json = JObject.Parse(Read(resource));
            if ((string?)json["version"] != AdaptiveCard.Version || (string?)json["type"] != "AdaptiveCard")
            {
                throw new TemplateException($"Card template '{name}' must be an AdaptiveCard of version {AdaptiveCard.Version}.");
            }

            var samplesResource = Prefix + name + SamplesSuffix;
            if (!resources.Contains(samplesResource))
            {
                throw new TemplateException($"Card template '{name}' has no sample data ({name}{SamplesSuffix}).");
            }

            templates[name] = (new CardTemplate(name, json), JArray.Parse(Read(samplesResource)));
        }

        return templates.ToFrozenDictionary(StringComparer.Ordinal);

        string Read(string resource)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
