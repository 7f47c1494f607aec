using Azure;
using Azure.Data.Tables;
using Azure.Identity;

namespace JepBot.Storage.Azure;

/// <summary>
/// Health of the Azure stores for /healthz: the state container and both tables answer a cheap read with the
/// app's credentials. Bounded to a few seconds, so a storage outage makes /healthz say 503 rather than hang.
/// </summary>
public sealed class AzureStoreHealth(BlobStorage state, TableHandoffStore requests, TableInstallationStore installations) : IStoreHealth
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public string StoreName => "azure";

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await Task.WhenAll(
                state.Container.GetPropertiesAsync(cancellationToken: timeout.Token),
                FirstPageAsync(requests.Table, timeout.Token),
                FirstPageAsync(installations.Table, timeout.Token)).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Reads at most one row: fails when the table is missing or the identity may not read it.</summary>
    private static async Task FirstPageAsync(TableClient table, CancellationToken cancellationToken)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            break;
        }
    }
}
