using System.Net;
using JepBot.Storage.Azure;
using JepBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Storage.Azure;

/// <summary>The real host with Storage:Provider=Azure on Azurite: what it creates at start-up, and /healthz.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_container_and_tables_are_created_at_start_up_and_health_says_ok_until_the_container_is_gone()
    {
        var (container, requests, installations, insight) = (AzuriteFixture.NewName("c-"), AzuriteFixture.NewName("r"), AzuriteFixture.NewName("i"), AzuriteFixture.NewName("n"));
        await using var host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Azure",
            ["Storage:Azure:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Azure:StateContainer"] = container,
            ["Storage:Azure:RequestsTable"] = requests,
            ["Storage:Azure:InstallationsTable"] = installations,
            ["Storage:Azure:InsightTable"] = insight,
        });
        using var client = host.CreateClient();

        Assert.True((await azurite.Blobs.GetBlobContainerClient(container).ExistsAsync()).Value);
        Assert.Equal([installations, insight, requests], azurite.Tables.Query(t => t.Name == requests || t.Name == installations || t.Name == insight).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"State store: Azure storage account devstoreaccount1, state in container {container}", StringComparison.Ordinal));
        Assert.False(File.Exists(host.DatabasePath));

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("azure", (string?)JObject.Parse(await health.Content.ReadAsStringAsync())["store"]);

        await host.Services.GetRequiredService<BlobStorage>().Container.DeleteAsync();
        var broken = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
    }
}
