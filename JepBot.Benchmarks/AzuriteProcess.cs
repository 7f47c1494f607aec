using System.Diagnostics;
using JepBot.Tests.Support;
using System.Net;
using System.Net.Sockets;

namespace JepBot.Benchmarks;

/// <summary>
/// Azurite (tools/azurite, the Azure Storage emulator from npm) on 127.0.0.1, in memory, for the benchmark's
/// Azure-storage scenario. The same flags as the test fixture; fixed free ports so no output has to be parsed.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess _process;

    private AzuriteProcess(ChildProcess process, int blobPort, int tablePort)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync(string workDirectory)
    {
        var start = Path.Combine(Paths.Root, "tools", "azurite", "start.js");
        if (!File.Exists(start) || !Directory.Exists(Path.Combine(Paths.Root, "tools", "azurite", "node_modules")))
        {
            throw new InvalidOperationException("Azurite is not installed: run 'npm ci --prefix tools/azurite' first.");
        }

        Directory.CreateDirectory(workDirectory);
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        // stdin stays open: tools/azurite/start.js stops Azurite when the process that started it closes it.
        var info = new ProcessStartInfo("node") { WorkingDirectory = workDirectory, RedirectStandardInput = true };
        foreach (var argument in new[]
        {
            start, "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}", "--inMemoryPersistence", "--extentMemoryLimit", "1024",
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("NODE_OPTIONS");
        var process = ChildProcess.Start(info, "Azurite", keepLines: 40);
        var azurite = new AzuriteProcess(process, blob, table);
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { blob, table })
        {
            while (!await AcceptsAsync(port))
            {
                if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    await azurite.DisposeAsync();
                    throw new InvalidOperationException("Azurite did not start within 60 s:\n" + process.Output);
                }

                await Task.Delay(100);
            }
        }

        return azurite;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
