using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>
/// The checks the build runs before it zips (tools/apppackage/lib/package-check.js: the official Teams manifest and
/// localization schemas of the manifest's version, placeholders, the files, icon rules, English coverage), run on
/// package files given here, so tests can check the sources and broken copies of them without building a zip.
/// </summary>
public static class AppPackageCheck
{
    public sealed record Result(string? ManifestVersion, IReadOnlyDictionary<string, IReadOnlyList<string>> Problems, IReadOnlyDictionary<string, JObject> Icons)
    {
        public IReadOnlyList<string> ProblemsOf(string file) => Problems.TryGetValue(file, out var list) ? list : [];

        public string Describe() => string.Join("\n", Problems.SelectMany(p => p.Value.Select(v => $"{p.Key}: {v}")));
    }

    public static async Task<Result> CheckAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var input = new JObject();
        foreach (var (name, bytes) in files)
        {
            input[name] = Convert.ToBase64String(bytes);
        }

        var (exitCode, output, errors) = await AppPackageScripts.RunAsync("check-package.js", [], input.ToString(Formatting.None));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"check-package.js exited with {exitCode}: {errors}");
        }

        var json = JObject.Parse(output);
        return new Result(
            (string?)json["manifestVersion"],
            ((JObject)json["problems"]!).Properties().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)p.Value.Select(v => (string)v!).ToList()),
            ((JObject)json["icons"]!).Properties().ToDictionary(p => p.Name, p => (JObject)p.Value));
    }
}
