namespace JepBot.Storage;

/// <summary>Health of the embedded SQLite store.</summary>
public sealed class SqliteStoreHealth(SqliteStorage storage) : IStoreHealth
{
    public string StoreName => "sqlite";

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => storage.HealthCheckAsync(cancellationToken);
}
