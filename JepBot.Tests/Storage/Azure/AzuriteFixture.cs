using Azure.Data.Tables;
using Azure.Storage.Blobs;
using JepBot.Tests.Support;

namespace JepBot.Tests.Storage.Azure;

/// <summary>
/// One Azurite (<see cref="Azurite"/>: in memory, on 127.0.0.1, on ports the operating system picks) for all Azure
/// tests, stopped with its whole process tree after them. If Azurite is not installed or does not start, every Azure
/// test fails with the reason; they never skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The explicit connection string to this Azurite (<c>UseDevelopmentStorage=true</c> would mean the fixed ports).</summary>
    public string ConnectionString => _azurite!.ConnectionString;

    public BlobServiceClient Blobs { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    /// <summary>A name no other test uses, valid for a container (lowercase, digits, hyphens) and a table (letters, digits).</summary>
    public static string NewName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Blobs = new BlobServiceClient(ConnectionString);
        Tables = new TableServiceClient(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is { } azurite)
        {
            _azurite = null;
            await azurite.DisposeAsync();
        }
    }
}
