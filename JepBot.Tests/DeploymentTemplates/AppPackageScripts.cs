using System.Diagnostics;
using JepBot.Tests.Support;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>
/// Runs the Node scripts of tools/apppackage (build-app-package.js, check-package.js, draw-icons.js) and hands back
/// what they said. The app-id settings of the test process never leak in: a test that wants MicrosoftAppId or
/// TeamsAppId in the environment passes it. Requires <c>npm ci --prefix tools/apppackage</c> (the CI script runs it).
/// </summary>
public static class AppPackageScripts
{
    public static string ToolDirectory { get; } = RepositoryPaths.Combine("tools", "apppackage");

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string script, IEnumerable<string> arguments, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new InvalidOperationException($"The app package tool is not installed: run 'npm ci --prefix tools/apppackage' in {RepositoryPaths.Root}.");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(ToolDirectory, script), .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ToolDirectory,
        };
        foreach (var name in new[] { "MicrosoftAppId", "TeamsAppId", "INIT_CWD" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
