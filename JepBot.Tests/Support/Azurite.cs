using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace JepBot.Tests.Support;

/// <summary>
/// Azurite, Microsoft's Azure Storage emulator (npm, pinned in tools/azurite), as a child process: in memory, on
/// 127.0.0.1 only, on ports the operating system picks, stopped with its whole process tree on dispose. Used by the
/// Azure tests' fixture and by the benchmark's Azure scenario (which compiles this file too).
/// </summary>
/// <remarks>
/// Azurite is given port 0 for each service and reports the port it got ("successfully listening at …"): choosing a
/// free port first and passing it would leave a moment in which something else can take it. Start then waits until
/// both ports accept connections. <c>--skipApiVersionCheck</c> is required: the current Azure SDK speaks a newer REST
/// version than Azurite 3.35 knows.
/// </remarks>
public sealed partial class Azurite : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, in Microsoft's documentation; not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess _process;
    private readonly string _workDirectory;

    private Azurite(ChildProcess process, string workDirectory, int blobPort, int tablePort)
    {
        _process = process;
        _workDirectory = workDirectory;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    /// <summary>The explicit connection string to this Azurite (<c>UseDevelopmentStorage=true</c> would mean the fixed ports).</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite and waits until its blob and table services accept connections.</summary>
    /// <param name="extentMemoryLimitMb">How much blob data Azurite may hold in memory.</param>
    /// <exception cref="InvalidOperationException">Azurite is not installed or did not start; the message says why, with its output.</exception>
    public static async Task<Azurite> StartAsync(int extentMemoryLimitMb = 256)
    {
        var tool = RepositoryPaths.Combine("tools", "azurite");
        if (!File.Exists(Path.Combine(tool, "node_modules", "azurite", "dist", "src", "azurite.js")))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci --prefix tools/azurite' in {RepositoryPaths.Root}.");
        }

        // Azurite writes nothing with in-memory persistence, but its working folder is its default workspace. Its
        // stdin stays open: tools/azurite/start.js stops Azurite when the process that started it closes it.
        var workDirectory = Path.Combine(Path.GetTempPath(), "jepbot-tests", "azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
        var start = new ProcessStartInfo("node") { WorkingDirectory = workDirectory, RedirectStandardInput = true };
        foreach (var argument in new[]
        {
            Path.Combine(tool, "start.js"),
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            "--inMemoryPersistence", "--extentMemoryLimit", extentMemoryLimitMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("NODE_OPTIONS");
        ChildProcess? process = null;
        try
        {
            process = ChildProcess.Start(start, "Azurite");
            var blobPort = await ListeningPortAsync(process, BlobListening());
            var tablePort = await ListeningPortAsync(process, TableListening());
            await WaitUntilAcceptingAsync(blobPort);
            await WaitUntilAcceptingAsync(tablePort);
            return new Azurite(process, workDirectory, blobPort, tablePort);
        }
        catch (Exception exception)
        {
            var output = process?.Output;
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            DeleteFolder(workDirectory);
            throw new InvalidOperationException($"Azurite did not start: {exception.Message}{Environment.NewLine}Its output:{Environment.NewLine}{output}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        DeleteFolder(_workDirectory);
    }

    /// <summary>The port Azurite reports for a service: "Azurite Blob service is successfully listening at http://127.0.0.1:41234".</summary>
    private static async Task<int> ListeningPortAsync(ChildProcess azurite, Regex listening) =>
        int.Parse((await azurite.WaitForLineAsync(listening, StartTimeout)).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAcceptingAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"Azurite Blob service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex BlobListening();

    [GeneratedRegex(@"Azurite Table service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex TableListening();
}
