using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace JepBot.Storage;

/// <summary>
/// Checks "Storage" at start-up, so a wrong setting stops the host with a message that names it instead of failing
/// the first user's turn. Azure settings are only checked when the provider is Azure. Messages never repeat a
/// connection string (it holds the account key).
/// </summary>
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase) && !options.UsesAzure)
        {
            failures.Add($"Storage:Provider must be '{StorageOptions.SqliteProvider}' or '{StorageOptions.AzureProvider}'.");
        }
        else if (!options.UsesAzure && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Storage:SqlitePath must name a file when Storage:Provider is Sqlite.");
        }

        if (options.UsesAzure)
        {
            ValidateAzure(options.Azure, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAzure(Azure.AzureStorageOptions azure, List<string> failures)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(azure.ConnectionString);
        var hasBlobUri = !string.IsNullOrWhiteSpace(azure.BlobServiceUri);
        var hasTableUri = !string.IsNullOrWhiteSpace(azure.TableServiceUri);
        if (hasConnectionString && (hasBlobUri || hasTableUri))
        {
            // Both set is ambiguous (a forgotten key next to a managed identity set-up): say which one to drop.
            failures.Add("Set either Storage:Azure:ConnectionString or Storage:Azure:BlobServiceUri and Storage:Azure:TableServiceUri (managed identity), not both.");
        }
        else if (hasConnectionString)
        {
            try
            {
                // Parses only; nothing is contacted.
                _ = new BlobServiceClient(azure.ConnectionString);
                _ = new TableServiceClient(azure.ConnectionString);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
            {
                failures.Add("Storage:Azure:ConnectionString is not a valid storage connection string with blob and table endpoints.");
            }
        }
        else if (!hasBlobUri && !hasTableUri)
        {
            failures.Add("Storage:Provider is Azure but no account is configured: set Storage:Azure:ConnectionString, or Storage:Azure:BlobServiceUri and Storage:Azure:TableServiceUri (with a managed identity).");
        }
        else
        {
            CheckServiceUri("Storage:Azure:BlobServiceUri", azure.BlobServiceUri, failures);
            CheckServiceUri("Storage:Azure:TableServiceUri", azure.TableServiceUri, failures);
            if (!string.IsNullOrWhiteSpace(azure.ManagedIdentityClientId) && !Guid.TryParse(azure.ManagedIdentityClientId, out _))
            {
                failures.Add("Storage:Azure:ManagedIdentityClientId must be the client id (a GUID) of a user-assigned managed identity, or empty.");
            }
        }

        if (!ContainerName().IsMatch(azure.StateContainer ?? "") || (azure.StateContainer ?? "").Contains("--", StringComparison.Ordinal))
        {
            failures.Add("Storage:Azure:StateContainer must be a container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        var tables = new[] { ("Storage:Azure:RequestsTable", azure.RequestsTable), ("Storage:Azure:InstallationsTable", azure.InstallationsTable), ("Storage:Azure:InsightTable", azure.InsightTable) };
        foreach (var (setting, table) in tables)
        {
            if (!TableName().IsMatch(table ?? "") || string.Equals(table, "tables", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{setting} must be a table name: 3-63 letters and digits, starting with a letter.");
            }
        }

        if (tables.DistinctBy(t => t.Item2 ?? "", StringComparer.OrdinalIgnoreCase).Count() < tables.Length)
        {
            failures.Add("Storage:Azure:RequestsTable, Storage:Azure:InstallationsTable and Storage:Azure:InsightTable must be different tables.");
        }
    }

    private static void CheckServiceUri(string setting, string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required when Storage:Azure:ConnectionString is not set.");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
        {
            failures.Add($"{setting} must be the service's absolute URL, e.g. https://<account>.{(setting.Contains("Blob", StringComparison.Ordinal) ? "blob" : "table")}.core.windows.net, without a SAS token.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
