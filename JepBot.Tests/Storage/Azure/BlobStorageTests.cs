using Azure.Storage.Blobs;
using JepBot.Storage.Azure;
using JepBot.Tests.Contracts;
using Microsoft.Bot.Builder;

namespace JepBot.Tests.Storage.Azure;

/// <summary>The storage contract on Azure Blob Storage (Azurite), each test in a container of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobStorageTests(AzuriteFixture azurite) : StorageContractTests
{
    private readonly string _container = AzuriteFixture.NewName();

    protected override async Task<IStorage> CreateStorageAsync()
    {
        var storage = new BlobStorage(azurite.Blobs.GetBlobContainerClient(_container));
        await storage.EnsureCreatedAsync();
        return storage;
    }

    /// <summary>Another instance: its own client over the same container.</summary>
    protected override Task<IStorage> ReopenAsync() =>
        Task.FromResult<IStorage>(new BlobStorage(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container)));

    [Fact]
    public async Task Keys_become_flat_blob_names_without_slashes_and_the_etag_is_not_in_the_blob()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["msteams/conversations/a:1.x/"] = new Note { Text = "x" } }, CancellationToken.None);

        var blob = Assert.Single(await ((BlobStorage)Storage).Container.GetBlobsAsync().ToListAsync());
        Assert.Equal("msteams~2Fconversations~2Fa:1~2Ex~2F", blob.Name);
        var content = (await ((BlobStorage)Storage).Container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"Text\":\"x\"", content);
        Assert.DoesNotContain("etag", content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Very_long_keys_are_hashed_into_a_valid_name_and_stay_apart()
    {
        var longA = "msteams/users/" + new string('ü', 600) + "a";
        var longB = "msteams/users/" + new string('ü', 600) + "b";
        await Storage.WriteAsync(new Dictionary<string, object> { [longA] = new Note { Text = "A" }, [longB] = new Note { Text = "B" } }, CancellationToken.None);

        var items = await Storage.ReadAsync([longA, longB], CancellationToken.None);

        Assert.Equal("A", (string?)((Newtonsoft.Json.Linq.JObject)items[longA])["Text"]);
        Assert.Equal("B", (string?)((Newtonsoft.Json.Linq.JObject)items[longB])["Text"]);
        Assert.All(await ((BlobStorage)Storage).Container.GetBlobsAsync().ToListAsync(), b => Assert.True(b.Name.Length <= 1024));
    }
}
