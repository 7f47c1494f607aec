using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using JepBot.Tests.Support;

namespace JepBot.Tests.Storage.Azure;

/// <summary>
/// One Azurite (Microsoft's Azure Storage emulator, npm, pinned in tools/azurite) for all Azure tests: in memory, on
/// 127.0.0.1 only, on ports the operating system picks, stopped with its whole process tree after the tests.
/// </summary>
/// <remarks>
/// Azurite is given port 0 for each service and reports the port it got ("successfully listening at …"): choosing a
/// free port first and passing it would leave a moment in which something else can take it. The fixture then waits
/// until both ports accept connections. If Azurite is not installed or does not start, every Azure test fails with
/// the reason; they never skip. <c>--skipApiVersionCheck</c> is required: the current Azure SDK speaks a newer REST
/// version than Azurite 3.35 knows.
/// </remarks>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, in Microsoft's documentation; not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "jepbot-tests", "azurite-" + Guid.NewGuid().ToString("N"));
    private ChildProcess? _process;

    /// <summary>The explicit connection string to this Azurite (<c>UseDevelopmentStorage=true</c> would mean the fixed ports).</summary>
    public string ConnectionString { get; private set; } = "";

    public BlobServiceClient Blobs { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    /// <summary>A name no other test uses, valid for a container (lowercase, digits, hyphens) and a table (letters, digits).</summary>
    public static string NewName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        var tool = RepositoryPaths.Combine("tools", "azurite");
        if (!File.Exists(Path.Combine(tool, "node_modules", "azurite", "dist", "src", "azurite.js")))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci --prefix tools/azurite' in {RepositoryPaths.Root}.");
        }

        Directory.CreateDirectory(_workDirectory);
        // Azurite writes nothing with in-memory persistence, but its working folder is its default workspace. Its
        // stdin stays open: tools/azurite/start.js stops Azurite when the process that started it closes it.
        var start = new ProcessStartInfo("node") { WorkingDirectory = _workDirectory, RedirectStandardInput = true };
        foreach (var argument in new[]
        {
            Path.Combine(tool, "start.js"),
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            "--inMemoryPersistence", "--extentMemoryLimit", "256",
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("NODE_OPTIONS");
        int blobPort, tablePort;
        try
        {
            _process = ChildProcess.Start(start, "Azurite");
            blobPort = await ListeningPortAsync(_process, BlobListening());
            tablePort = await ListeningPortAsync(_process, TableListening());
            await WaitUntilAcceptingAsync(blobPort);
            await WaitUntilAcceptingAsync(tablePort);
        }
        catch (Exception exception)
        {
            var output = _process?.Output;
            await DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start: {exception.Message}{Environment.NewLine}Its output:{Environment.NewLine}{output}", exception);
        }

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
        Blobs = new BlobServiceClient(ConnectionString);
        Tables = new TableServiceClient(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
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
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    [GeneratedRegex(@"Azurite Blob service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex BlobListening();

    [GeneratedRegex(@"Azurite Table service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex TableListening();
}
