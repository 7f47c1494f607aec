using System.Diagnostics;
using JepBot.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Cards;

/// <summary>
/// Runs cards through Microsoft's JavaScript Adaptive Cards renderer (tools/cardcheck, npm "adaptivecards" in headless
/// Debian Chromium with the Microsoft Teams host config) and returns what it objected to per card: parse and
/// validation events, a version other than 1.5, render failures, cut-off text. One browser checks a whole batch.
/// Requires <c>npm ci --prefix tools/cardcheck</c> (the CI script runs it); without it the tests fail and say so.
/// </summary>
public static class AdaptiveCardRenderer
{
    /// <param name="pngDirectory">When given, a PNG of each rendered card is written there (name sanitised).</param>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CheckAsync(IEnumerable<(string Name, JObject Card)> cards, string? pngDirectory = null)
    {
        var tool = RepositoryPaths.Combine("tools", "cardcheck");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "adaptivecards")))
        {
            throw new InvalidOperationException($"The Adaptive Cards renderer is not installed: run 'npm ci --prefix tools/cardcheck' in {RepositoryPaths.Root}.");
        }

        var input = new JArray(cards.Select(c => new JObject { ["name"] = c.Name, ["card"] = c.Card }));
        string[] arguments = pngDirectory is null ? [Path.Combine(tool, "check-cards.js")] : [Path.Combine(tool, "check-cards.js"), "--png-dir", pngDirectory];
        var start = new ProcessStartInfo("node", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tool,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input.ToString(Formatting.None));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"check-cards.js exited with {process.ExitCode}: {await errors}");
        }

        return JArray.Parse(await output)
            .ToDictionary(r => (string)r["name"]!, r => (IReadOnlyList<string>)r["problems"]!.Select(p => (string)p!).ToList());
    }
}
