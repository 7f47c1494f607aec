using Azure.Data.Tables;
using Azure.Storage.Blobs;
using JepBot.Dialogs.Handoff;
using JepBot.Hosting;
using JepBot.Storage;
using JepBot.Storage.Azure;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JepBot.Tests.Hosting;

/// <summary>Storage:Provider and the Azure settings: what is chosen, and which settings stop the host with a clear message.</summary>
public sealed class StorageRegistrationTests
{
    private const string Connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Theory]
    [InlineData("Storage:Provider", "Sqlite", null, null, null, null)]
    [InlineData("Storage:Provider", "Bogus", null, null, null, "Storage:Provider must be 'Sqlite' or 'Azure'")]
    [InlineData("Storage:Provider", "Azure", null, null, null, "set Storage:Azure:ConnectionString, or Storage:Azure:BlobServiceUri and Storage:Azure:TableServiceUri")]
    [InlineData("Storage:Azure:ConnectionString", "not a connection string", null, null, null, "Storage:Azure:ConnectionString is not a valid")]
    [InlineData("Storage:Azure:BlobServiceUri", "https://acct.blob.core.windows.net", null, null, null, "Storage:Azure:TableServiceUri is required")]
    [InlineData("Storage:Azure:BlobServiceUri", "https://acct.blob.core.windows.net", "https://acct.table.core.windows.net", "not-a-guid", null, "Storage:Azure:ManagedIdentityClientId must be")]
    [InlineData("Storage:Azure:BlobServiceUri", "acct.blob.core.windows.net", "https://acct.table.core.windows.net", null, null, "Storage:Azure:BlobServiceUri must be the service's absolute URL")]
    [InlineData("Storage:Azure:BlobServiceUri", "https://acct.blob.core.windows.net", "https://acct.table.core.windows.net", null, "Jep_State", "Storage:Azure:StateContainer must be")]
    [InlineData("Storage:Azure:BlobServiceUri", "https://acct.blob.core.windows.net", "https://acct.table.core.windows.net", "5f8d5c52-1111-4bb1-9c36-6b1c0b0f1a2e", null, null)]
    [InlineData("Storage:Azure:ConnectionString", Connection, "https://acct.table.core.windows.net", null, null, "not both")]
    public void Settings_are_checked_and_a_failure_names_the_setting(string key, string value, string? tableUri, string? clientId, string? container, string? expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["Storage:Azure:TableServiceUri"] = tableUri, ["Storage:Azure:ManagedIdentityClientId"] = clientId };
        if (!key.StartsWith("Storage:Provider", StringComparison.Ordinal))
        {
            settings["Storage:Provider"] = "Azure";
        }

        if (container is not null)
        {
            settings["Storage:Azure:StateContainer"] = container;
        }

        using var services = Services(settings);
        var options = services.GetRequiredService<IOptionsMonitor<StorageOptions>>();

        if (expected is null)
        {
            Assert.NotNull(options.CurrentValue);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(() => options.CurrentValue);
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain("AccountKey", error.Message);
        }
    }

    [Fact]
    public void The_insight_table_must_be_a_table_name_of_its_own()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Azure",
            ["Storage:Azure:ConnectionString"] = Connection,
            ["Storage:Azure:InsightTable"] = "JepBotRequests",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<StorageOptions>>().CurrentValue);

        Assert.Contains("Storage:Azure:InsightTable must be different tables", error.Message);
    }

    [Fact]
    public async Task A_host_with_the_azure_provider_and_no_account_does_not_start_and_says_which_settings_are_missing()
    {
        await using var host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?> { ["Storage:Provider"] = "Azure" });

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Storage:Azure:ConnectionString", error.Message);
        Assert.Contains("Storage:Azure:BlobServiceUri", error.Message);
        Assert.False(File.Exists(host.DatabasePath));
    }

    [Fact]
    public void Sqlite_is_the_default_and_nothing_of_azure_is_created()
    {
        var path = BotHost.NewDatabasePath();
        using var services = Services(new Dictionary<string, string?> { ["Storage:SqlitePath"] = path });

        Assert.IsType<SqliteStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<SqliteHandoffStore>(services.GetRequiredService<IHandoffStore>());
        Assert.IsType<SqliteInsightStore>(services.GetRequiredService<JepBot.Insight.IInsightStore>());
        Assert.IsType<SqliteStoreHealth>(services.GetRequiredService<IStoreHealth>());
    }

    [Fact]
    public void With_service_uris_the_azure_clients_use_those_uris_and_the_configured_names()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "azure",
            ["Storage:Azure:BlobServiceUri"] = "https://jepbotstore.blob.core.windows.net",
            ["Storage:Azure:TableServiceUri"] = "https://jepbotstore.table.core.windows.net",
            ["Storage:Azure:ManagedIdentityClientId"] = "5f8d5c52-1111-4bb1-9c36-6b1c0b0f1a2e",
            ["Storage:Azure:StateContainer"] = "state-test",
        });

        var state = Assert.IsType<BlobStorage>(services.GetRequiredService<IStorage>());
        var requests = Assert.IsType<TableHandoffStore>(services.GetRequiredService<IHandoffStore>());

        Assert.Equal(new Uri("https://jepbotstore.blob.core.windows.net/state-test"), state.Container.Uri);
        Assert.Equal("jepbotstore", state.Container.AccountName);
        Assert.Equal("jepbotrequests", requests.Table.Name);
        Assert.Equal("jepbotinsight", Assert.IsType<TableInsightStore>(services.GetRequiredService<JepBot.Insight.IInsightStore>()).Table.Name);
        Assert.Equal(new Uri("https://jepbotstore.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.IsType<AzureStoreHealth>(services.GetRequiredService<IStoreHealth>());
    }

    [Fact]
    public void With_a_connection_string_the_clients_go_to_its_endpoints()
    {
        using var services = Services(new Dictionary<string, string?> { ["Storage:Provider"] = "Azure", ["Storage:Azure:ConnectionString"] = Connection });

        Assert.Equal(new Uri("http://127.0.0.1:9/devstoreaccount1"), services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal("jepbot-state", services.GetRequiredService<BlobStorage>().Container.Name);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddJepBotStorage(configuration, new Environment());
        return services.BuildServiceProvider();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "JepBot";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
