using System.Text;
using System.Text.RegularExpressions;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>The Teams app package sources in deploymentTemplates/appPackage, as written and with their ids filled in.</summary>
public static partial class AppPackageSources
{
    public const string TestAppId = "5c0f6d1e-2b7a-4d39-9e4f-1a2b3c4d5e6f";

    public static string Directory { get; } = RepositoryPaths.Combine("deploymentTemplates", "appPackage");

    public static string[] FileNames { get; } = ["manifest.json", "color.png", "outline.png", "en.json"];

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name), Encoding.UTF8);

    public static JObject Manifest => JObject.Parse(Text("manifest.json"));

    public static JObject English => JObject.Parse(Text("en.json"));

    /// <summary>The placeholders "{{Name}}" in a text, in order of appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The package files as the build would zip them, with both ids set to <paramref name="appId"/>.</summary>
    public static Dictionary<string, byte[]> Filled(string appId = TestAppId) => FileNames.ToDictionary(
        name => name,
        name => name.EndsWith(".json", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(Text(name).Replace("{{MicrosoftAppId}}", appId, StringComparison.Ordinal).Replace("{{TeamsAppId}}", appId, StringComparison.Ordinal))
            : File.ReadAllBytes(Path.Combine(Directory, name)));

    /// <summary>The filled package with one JSON file changed by <paramref name="change"/>.</summary>
    public static Dictionary<string, byte[]> FilledWith(string file, Action<JObject> change)
    {
        var files = Filled();
        var json = JObject.Parse(Encoding.UTF8.GetString(files[file]));
        change(json);
        files[file] = Encoding.UTF8.GetBytes(json.ToString());
        return files;
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}
