using System.Diagnostics;
using JepBot.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Cards;

/// <summary>
/// Microsoft's own templating engine (npm adaptivecards-templating, run in Node by tools/cardcheck/expand-templates.js),
/// the reference the C# binder is compared with.
/// </summary>
public static class OfficialTemplating
{
    public static async Task<IReadOnlyDictionary<string, JToken>> ExpandAsync(IEnumerable<(string Name, JObject Template, JToken Data)> items)
    {
        var tool = RepositoryPaths.Combine("tools", "cardcheck");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "adaptivecards-templating")))
        {
            throw new InvalidOperationException($"adaptivecards-templating is not installed: run 'npm ci --prefix tools/cardcheck' in {RepositoryPaths.Root}.");
        }

        var input = new JArray(items.Select(i => new JObject { ["name"] = i.Name, ["template"] = i.Template, ["data"] = i.Data }));
        var start = new ProcessStartInfo("node", [Path.Combine(tool, "expand-templates.js")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tool,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input.ToString(Formatting.None));
        process.StandardInput.Close();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"expand-templates.js exited with {process.ExitCode}: {await errors}");
        }

        return JArray.Parse(await output).ToDictionary(
            r => (string)r["name"]!,
            r => r["expanded"] ?? throw new InvalidOperationException($"{r["name"]}: {r["error"]}"));
    }
}
