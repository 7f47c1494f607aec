using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Installations;
using JepBot.Insight;
using JepBot.Storage;
using JepBot.Storage.Azure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace JepBot.Hosting;

/// <summary>
/// Where state, requests, installations and insight counters live, chosen by one setting, <c>Storage:Provider</c>: <c>Sqlite</c> (the
/// default, one embedded file) or <c>Azure</c> (Blob Storage for state, Table storage for requests, installations and insight,
/// for several instances). See docs/storage.md.
/// </summary>
/// <remarks>
/// Both sets are registered and the interfaces pick one when first resolved: the settings a host gets from its
/// environment (or a test host from its factory) are complete only once the host is built, not while services are
/// added. Nothing of the provider that is not chosen is ever created.
/// </remarks>
public static class StorageRegistration
{
    public static IServiceCollection AddJepBotStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        // SQLite: state, requests and installations in one file, each in its own table.
        services.AddSingleton(sp => new SqliteStorage(SqlitePath(sp, environment)));
        services.AddSingleton(sp => new SqliteHandoffStore(SqlitePath(sp, environment)));
        services.AddSingleton(sp => new SqliteInstallationStore(SqlitePath(sp, environment)));
        services.AddSingleton(sp => new SqliteRefreshScheduleStore(SqlitePath(sp, environment)));
        services.AddSingleton(sp => new SqliteInsightStore(SqlitePath(sp, environment)));

        // Azure: the SDK clients through Microsoft.Extensions.Azure (shared pipelines, SDK logs into ILogger), from
        // a connection string or from the service URIs with DefaultAzureCredential (the managed identity in Azure).
        services.AddAzureClients(clients =>
        {
            clients.AddClient<BlobServiceClient, BlobClientOptions>((BlobClientOptions options, TokenCredential credential, IServiceProvider sp) =>
                AzureSettings(sp) is { ConnectionString: { Length: > 0 } connectionString }
                    ? new BlobServiceClient(connectionString, options)
                    : new BlobServiceClient(new Uri(AzureSettings(sp).BlobServiceUri!), credential, options));
            clients.AddClient<TableServiceClient, TableClientOptions>((TableClientOptions options, TokenCredential credential, IServiceProvider sp) =>
                AzureSettings(sp) is { ConnectionString: { Length: > 0 } connectionString }
                    ? new TableServiceClient(connectionString, options)
                    : new TableServiceClient(new Uri(AzureSettings(sp).TableServiceUri!), credential, options));

            // Created only when a client is built from service URIs; a connection string needs no token.
            clients.UseCredential(sp => new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = AzureSettings(sp).ManagedIdentityClientId is { Length: > 0 } clientId ? clientId : null,
            }));
        });
        services.AddSingleton(sp => new BlobStorage(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(AzureSettings(sp).StateContainer)));
        services.AddSingleton(sp => new TableHandoffStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(AzureSettings(sp).RequestsTable)));
        services.AddSingleton(sp => new TableInstallationStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(AzureSettings(sp).InstallationsTable)));
        services.AddSingleton(sp => new TableRefreshScheduleStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(AzureSettings(sp).InstallationsTable)));
        services.AddSingleton(sp => new TableInsightStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(AzureSettings(sp).InsightTable)));

        // What the rest of the bot uses.
        services.AddSingleton<IStorage>(sp => UsesAzure(sp) ? sp.GetRequiredService<BlobStorage>() : sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IHandoffStore>(sp => UsesAzure(sp) ? sp.GetRequiredService<TableHandoffStore>() : sp.GetRequiredService<SqliteHandoffStore>());
        services.AddSingleton<IInstallationStore>(sp => UsesAzure(sp) ? sp.GetRequiredService<TableInstallationStore>() : sp.GetRequiredService<SqliteInstallationStore>());
        services.AddSingleton<JepBot.Refresh.IRefreshScheduleStore>(sp => UsesAzure(sp) ? sp.GetRequiredService<TableRefreshScheduleStore>() : sp.GetRequiredService<SqliteRefreshScheduleStore>());
        services.AddSingleton<IInsightStore>(sp => UsesAzure(sp) ? sp.GetRequiredService<TableInsightStore>() : sp.GetRequiredService<SqliteInsightStore>());
        services.AddSingleton<JepBot.Retention.IStateRetention>(sp => UsesAzure(sp) ? sp.GetRequiredService<BlobStorage>() : sp.GetRequiredService<SqliteStorage>());
        services.AddSingleton<IStoreHealth>(sp => UsesAzure(sp)
            ? new AzureStoreHealth(sp.GetRequiredService<BlobStorage>(), sp.GetRequiredService<TableHandoffStore>(), sp.GetRequiredService<TableInstallationStore>())
            : new SqliteStoreHealth(sp.GetRequiredService<SqliteStorage>()));
        return services;
    }

    /// <summary>
    /// Opens the stores before the first request: checks the settings, creates the SQLite file and its folder, or the
    /// Azure container and tables when missing. An unusable store fails the start (with what to check in the log)
    /// instead of the first user's turn.
    /// </summary>
    public static async Task OpenStateStoreAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!options.UsesAzure)
        {
            var storage = app.Services.GetRequiredService<SqliteStorage>();
            app.Logger.LogInformation("State store: SQLite at {Path}", storage.Path);
            return;
        }

        var state = app.Services.GetRequiredService<BlobStorage>();
        var requests = app.Services.GetRequiredService<TableHandoffStore>();
        var installations = app.Services.GetRequiredService<TableInstallationStore>();
        var insight = app.Services.GetRequiredService<TableInsightStore>();
        try
        {
            await Task.WhenAll(state.EnsureCreatedAsync(), requests.EnsureCreatedAsync(), installations.EnsureCreatedAsync(), insight.EnsureCreatedAsync()).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            // The status and error code say enough (403 AuthorizationPermissionMismatch, 404, …); the message could carry URLs with SAS.
            app.Logger.LogCritical(
                "Azure storage for account {Account} could not be opened ({ExceptionType} {Status} {ErrorCode}). Check Storage:Azure:* and that the app's identity has the roles Storage Blob Data Contributor and Storage Table Data Contributor.",
                state.Container.AccountName,
                exception.GetType().Name,
                (exception as RequestFailedException)?.Status,
                (exception as RequestFailedException)?.ErrorCode);
            throw;
        }

        app.Logger.LogInformation(
            "State store: Azure storage account {Account}, state in container {Container}, requests in table {RequestsTable}, installations in table {InstallationsTable}, insight counters in table {InsightTable}",
            state.Container.AccountName,
            state.Container.Name,
            requests.Table.Name,
            installations.Table.Name,
            insight.Table.Name);
    }

    private static bool UsesAzure(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.UsesAzure;

    private static AzureStorageOptions AzureSettings(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.Azure;

    private static string SqlitePath(IServiceProvider services, IHostEnvironment environment) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath, environment.ContentRootPath);
}
