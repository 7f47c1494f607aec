using System.Diagnostics;
using JepBot.Tests.Support;

namespace JepBot.Benchmarks;

/// <summary>A bot as its own OS process on 127.0.0.1 (JepBot's own build, or this tool in echo mode).</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, string url, Stopwatch sinceStart)
    {
        _process = process;
        Url = url;
        SinceStart = sinceStart;
    }

    public string Url { get; }

    public string MessagesUrl => Url + "/api/messages";

    public Stopwatch SinceStart { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the bot wrote, for an error message.</summary>
    public string Output => _process.Output;

    public static BotProcess StartJepBot(string sqlitePath) => StartJepBot(new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite", ["Storage__SqlitePath"] = sqlitePath });

    /// <summary>JepBot on Azure storage (Blob state, Table records) at the given connection string, e.g. Azurite.</summary>
    public static BotProcess StartJepBotOnAzure(string connectionString, string container) => StartJepBot(new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Azure",
        ["Storage__Azure__ConnectionString"] = connectionString,
        ["Storage__Azure__StateContainer"] = container,
    });

    private static BotProcess StartJepBot(Dictionary<string, string> storage)
    {
        var dll = RepositoryPaths.Combine("JepBot", "bin", Paths.Configuration, "net10.0", "JepBot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution in {Paths.Configuration} first.");
        }

        var url = $"http://127.0.0.1:{FreePort.OnLoopback()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in storage)
        {
            start.Environment[key] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Start(start, url);
    }

    public static BotProcess StartEcho(string variant)
    {
        var url = $"http://127.0.0.1:{FreePort.OnLoopback()}";
        var self = Path.Combine(AppContext.BaseDirectory, "JepBot.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { self, "--serve-echo", variant, url })
        {
            start.ArgumentList.Add(argument);
        }

        return Start(start, url);
    }

    private static BotProcess Start(ProcessStartInfo start, string url)
    {
        start.Environment.Remove("DOTNET_gcServer");
        var clock = Stopwatch.StartNew();
        return new BotProcess(ChildProcess.Start(start, Path.GetFileNameWithoutExtension(start.ArgumentList[0]), keepLines: 40), url, clock);
    }

    /// <summary>Peak resident set (VmHWM) of the process so far, in bytes.</summary>
    public long PeakWorkingSet()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }

        return 0;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

public static class Paths
{
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
