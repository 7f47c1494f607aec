using System.Diagnostics;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>
/// JepBot as its own OS process (<c>dotnet JepBot.dll</c> from the JepBot project's build output) on 127.0.0.1, so a
/// test can kill it the hard way (SIGKILL) and start it again on the same SQLite file.
/// </summary>
public sealed class JepBotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private JepBotProcess(ChildProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public Uri MessagesUrl => new(Url, "/api/messages");

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output => _process.Output;

    public static async Task<JepBotProcess> StartAsync(IDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepositoryPaths.Combine("JepBot", "bin", configuration, "net10.0", "JepBot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: the test project builds it; build the solution first.");
        }

        var url = new Uri($"http://127.0.0.1:{FreePort.OnLoopback()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var bot = new JepBotProcess(ChildProcess.Start(start, "JepBot", keepLines: 40), url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (bot._process.HasExited)
            {
                throw new InvalidOperationException("JepBot exited during start:\n" + bot.Output);
            }

            try
            {
                if ((await http.GetAsync(new Uri(url, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        await bot.DisposeAsync();
        throw new TimeoutException("JepBot did not become healthy:\n" + bot.Output);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when a machine dies.</summary>
    public void Kill() => _process.Kill();

    public async Task<HttpResponseMessage> PostAsync(HttpClient http, JObject activity) =>
        await http.PostAsync(MessagesUrl, new StringContent(activity.ToString(Formatting.None), Encoding.UTF8, "application/json"));

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
