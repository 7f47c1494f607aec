namespace JepBot.Storage.Azure;

/// <summary>
/// "Storage:Azure": the storage account, reached either with a connection string (a secret: Azurite, or an account
/// key) or, in production, with the service URIs and the app's managed identity (no secret at all).
/// </summary>
public sealed class AzureStorageOptions
{
    /// <summary>A storage connection string. A secret: set it in user secrets or app settings, never in appsettings.json.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>E.g. https://jepbotstore.blob.core.windows.net; used with <see cref="TableServiceUri"/> instead of a connection string.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>E.g. https://jepbotstore.table.core.windows.net.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty = the system-assigned identity (or developer sign-in).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The blob container for conversation and user state.</summary>
    public string StateContainer { get; set; } = "jepbot-state";

    /// <summary>The table for requests, their numbering and idempotency keys, and the advisors' channel.</summary>
    public string RequestsTable { get; set; } = "jepbotrequests";

    /// <summary>The table for team installations.</summary>
    public string InstallationsTable { get; set; } = "jepbotinstallations";

    /// <summary>The table for the municipalities' insight counters (docs/insight.md).</summary>
    public string InsightTable { get; set; } = "jepbotinsight";
}
