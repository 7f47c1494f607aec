using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
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

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "jepbot-tests", "azurite-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private int? _blobPort;
    private int? _tablePort;

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
        var start = new ProcessStartInfo("node")
        {
            // Azurite writes nothing with in-memory persistence, but its working folder is its default workspace.
            WorkingDirectory = _workDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned nothing.");
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"Could not start Azurite with 'node' ({exception.Message}). Node 20 must be on PATH.", exception);
        }

        var process = _process;
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"Azurite exited before it listened.{Environment.NewLine}{Output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await _listening.Task.WaitAsync(StartTimeout);
            await WaitUntilAcceptingAsync(_blobPort!.Value);
            await WaitUntilAcceptingAsync(_tablePort!.Value);
        }
        catch (Exception exception)
        {
            await DisposeAsync();
            throw exception is TimeoutException
                ? new InvalidOperationException($"Azurite did not listen within {StartTimeout.TotalSeconds:0} s.{Environment.NewLine}{Output}", exception)
                : exception;
        }

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{_blobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{_tablePort}/{AccountName};";
        Blobs = new BlobServiceClient(ConnectionString);
        Tables = new TableServiceClient(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (match.Groups["service"].Value == "Blob")
                {
                    _blobPort = port;
                }
                else if (match.Groups["service"].Value == "Table")
                {
                    _tablePort = port;
                }

                if (_blobPort is not null && _tablePort is not null)
                {
                    _listening.TrySetResult();
                }
            }
        }
    }

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

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
