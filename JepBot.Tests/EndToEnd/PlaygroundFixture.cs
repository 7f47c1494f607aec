using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using JepBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JepBot.Tests.EndToEnd;

/// <summary>
/// JepBot for real (Program.cs on Kestrel, 127.0.0.1, a port the OS picks, a fresh SQLite file) with the Microsoft 365
/// Agents Playground (tools/playground, pinned by its lock file) in front of it, also on loopback. Both are stopped
/// afterwards, the Playground with its whole process tree. If either cannot start, every test of the collection fails
/// with the reason; nothing is skipped.
/// </summary>
public partial class PlaygroundFixture : IAsyncLifetime
{
    public const string RegistrationCode = "e2e-code-4711";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "jepbot-tests", "playground-" + Guid.NewGuid().ToString("N"));
    private ChildProcess? _process;

    public BotHost Bot { get; private set; } = null!;

    /// <summary>The bot's messaging endpoint, e.g. http://127.0.0.1:41234/api/messages.</summary>
    public string BotEndpoint { get; private set; } = "";

    /// <summary>The Playground's web UI and APIs, e.g. http://127.0.0.1:45678.</summary>
    public Uri PlaygroundUrl { get; private set; } = null!;

    public PlaygroundClient Client { get; private set; } = null!;

    /// <summary>Whether <see cref="Client"/> reads the conversation stream (the browser tests leave it to the page).</summary>
    protected virtual bool ListenToConversations => true;

    public virtual async Task InitializeAsync()
    {
        var tool = RepositoryPaths.Combine("tools", "playground");
        if (!File.Exists(Path.Combine(tool, "node_modules", "@microsoft", "m365agentsplayground", "cli.js")))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed: run 'npm ci --prefix tools/playground' in {RepositoryPaths.Root}.");
        }

        Directory.CreateDirectory(_workDirectory);
        Bot = new BotHost(Path.Combine(_workDirectory, "jepbot.db"), new Dictionary<string, string?>
        {
            ["Handoff:RegistrationCode"] = RegistrationCode,
            ["Handoff:PollSeconds"] = "0.5",
        });
        try
        {
            Bot.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            Bot.StartServer();
            var address = Bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            BotEndpoint = new Uri(new Uri(address), "/api/messages").ToString();
        }
        catch (Exception exception)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"JepBot did not start on Kestrel: {exception.Message}", exception);
        }

        // The Playground silently takes a random port when the one given is busy, so the port it reports is the truth.
        var start = new ProcessStartInfo("node") { WorkingDirectory = _workDirectory, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(tool, "start-playground.js"));
        start.ArgumentList.Add(BotEndpoint);
        start.ArgumentList.Add(FreePort.OnLoopback().ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(_workDirectory, "playground.log");
        try
        {
            _process = ChildProcess.Start(start, "The Playground");
            var port = int.Parse((await _process.WaitForLineAsync(ListeningLine(), StartTimeout)).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            PlaygroundUrl = new Uri($"http://127.0.0.1:{port}");
            Client = await PlaygroundClient.ConnectAsync(PlaygroundUrl, StartTimeout, listen: ListenToConversations);
        }
        catch (Exception exception)
        {
            var output = _process?.Output;
            await DisposeAsync();
            throw new InvalidOperationException($"The Playground did not start: {exception.Message}{Environment.NewLine}Its output:{Environment.NewLine}{output}", exception);
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>What the Playground and the bot said, for failure messages.</summary>
    public string Diagnostics(int lines = 20) =>
        "Playground output:\n" + string.Join("\n", (_process?.Output ?? "").Split('\n').TakeLast(lines)) + "\nBot log:\n" + string.Join("\n", Bot.Logs.Lines.TakeLast(lines));

    [GeneratedRegex(@"Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>The Playground for the conversation-API tests: also installs the bot in the personal chat, as opening the UI does.</summary>
public sealed class InstalledPlaygroundFixture : PlaygroundFixture
{
    /// <summary>What the Playground received in the personal chat in answer to the installation.</summary>
    public IReadOnlyList<PlaygroundMessage> Welcome { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var mark = Client.Mark();
        await Client.InstallAsync();
        try
        {
            await Client.WaitForAsync(Client.PersonalChat, mark, m => m.Card is not null, "the welcome card after the installation");
        }
        catch (TimeoutException)
        {
            // The welcome test reports it; the other tests can still run.
        }

        Welcome = Client.Since(Client.PersonalChat, mark);
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<InstalledPlaygroundFixture>
{
    public const string Name = "Agents Playground";
}

/// <summary>The Playground for the browser tests: the page is the only reader of the conversation stream.</summary>
public sealed class BrowserPlaygroundFixture : PlaygroundFixture
{
    protected override bool ListenToConversations => false;
}

[CollectionDefinition(Name)]
public sealed class PlaygroundBrowserCollection : ICollectionFixture<BrowserPlaygroundFixture>
{
    public const string Name = "Agents Playground in a browser";
}
