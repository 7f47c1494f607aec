using JepBot.Storage.Azure;

namespace JepBot.Storage;

/// <summary>Configuration section "Storage": where conversation state, requests and installations live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string SqliteProvider = "Sqlite";

    public const string AzureProvider = "Azure";

    /// <summary>
    /// <c>Sqlite</c> (default): one embedded file, for one instance. <c>Azure</c>: Blob and Table storage, shared by
    /// any number of instances.
    /// </summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The embedded SQLite file. A relative path is taken from the app's content root.</summary>
    public string SqlitePath { get; set; } = "data/jepbot.db";

    /// <summary>"Storage:Azure": used when <see cref="Provider"/> is <c>Azure</c>.</summary>
    public AzureStorageOptions Azure { get; set; } = new();

    public bool UsesAzure => string.Equals(Provider, AzureProvider, StringComparison.OrdinalIgnoreCase);
}
