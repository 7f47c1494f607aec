using System.Diagnostics;
using JepBot.Tests.Support;

namespace JepBot.Tests.EndToEnd;

/// <summary>
/// A smoke test of the Playground's own web UI in headless Debian Chromium (tools/playground/smoke-test.js with
/// playwright-core; no browser download): welcome, type a message, click card buttons, see the answers. Its own bot and
/// Playground, because opening the page installs the bot in a new chat. Screenshots go to a temporary folder, or to
/// docs/screenshots when JEPBOT_SCREENSHOTS=docs (so a test run does not change the repository).
/// </summary>
[Collection(PlaygroundBrowserCollection.Name)]
public sealed class PlaygroundBrowserTests(BrowserPlaygroundFixture fixture)
{
    [Fact]
    public async Task In_the_Playground_UI_a_typed_message_and_a_card_click_get_their_answers()
    {
        if (!File.Exists("/usr/bin/chromium") && Environment.GetEnvironmentVariable("CHROMIUM_PATH") is null)
        {
            throw new InvalidOperationException("Chromium is not installed: sudo apt-get install chromium (or set CHROMIUM_PATH).");
        }

        var outDir = Environment.GetEnvironmentVariable("JEPBOT_SCREENSHOTS") == "docs"
            ? RepositoryPaths.Combine("docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "jepbot-tests", "playground-smoke-" + Guid.NewGuid().ToString("N"));
        var tool = RepositoryPaths.Combine("tools", "playground");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tool,
        };
        start.ArgumentList.Add(Path.Combine(tool, "smoke-test.js"));
        start.ArgumentList.Add(fixture.PlaygroundUrl.ToString().TrimEnd('/'));
        start.ArgumentList.Add(outDir);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"smoke-test.js did not finish in 3 minutes.\n{await output}\n{fixture.Diagnostics()}");
        }

        var text = await output;
        Assert.True(process.ExitCode == 0, $"smoke-test.js exited with {process.ExitCode}:\n{text}\n{await errors}\n{fixture.Diagnostics()}");
        Assert.Contains("SMOKE PASSED", text);
        foreach (var file in new[] { "playground-smoke-1-menu.png", "playground-smoke-2-legal-frames.png", "playground-smoke-3-topics.png" })
        {
            Assert.True(new FileInfo(Path.Combine(outDir, file)) is { Exists: true, Length: > 10_000 }, $"{file} missing or empty in {outDir}");
        }
    }
}
