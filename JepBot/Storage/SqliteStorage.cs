using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace JepBot.Storage;

/// <summary>
/// The embedded, durable <see cref="IStorage"/>: one SQLite file in WAL mode, one row per state key.
/// </summary>
/// <remarks>
/// ETag rules (the same for every JepBot store, see the storage contract tests):
/// <list type="bullet">
/// <item>"*" writes unconditionally (insert or overwrite).</item>
/// <item>No ETag (null or empty) means "this is new": the write fails if the key already exists,
/// so two first turns can never silently overwrite each other.</item>
/// <item>Any other ETag must equal the stored one, otherwise <see cref="StoragePreconditionFailedException"/>.</item>
/// </list>
/// A batch of writes is one transaction: all land or none. After a write the new ETag is put back into the
/// object that was written (IStoreItem, dictionary or JObject), so a second save in the same turn still matches.
/// Values are serialised without type names: stored JSON can never choose which .NET type gets created
/// (<see cref="StateItemJson"/>, shared with the Azure store).
/// </remarks>
public sealed class SqliteStorage : IStorage, IDisposable
{
    private readonly string _connectionString;

    public SqliteStorage(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS state (
                key         TEXT PRIMARY KEY NOT NULL,
                etag        TEXT NOT NULL,
                json        TEXT NOT NULL,
                updated_utc TEXT NOT NULL
            );
            """);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, json FROM state WHERE key = $key;";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                result[key] = StateItemJson.FromJson(reader.GetString(1), reader.GetString(0));
            }
        }

        return result;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
    {
        var items = await ReadAsync(keys, cancellationToken);
        return items.ToDictionary(pair => pair.Key, pair => StateItemJson.ToObject<TStoreItem>(pair.Value));
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise everything first: a value that cannot be stored fails the batch before the database is touched.
        var rows = changes.Select(change => (change.Key, Value: change.Value, Expected: StateItemJson.ReadETag(change.Value), Json: StateItemJson.ToJson(change.Value))).ToList();
        var written = new List<(object Value, string ETag)>(rows.Count);

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTime.UtcNow.ToString("O");
        foreach (var row in rows)
        {
            var newETag = Guid.NewGuid().ToString("N");
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$key", row.Key);
            command.Parameters.AddWithValue("$etag", newETag);
            command.Parameters.AddWithValue("$json", row.Json);
            command.Parameters.AddWithValue("$now", now);
            if (row.Expected == "*")
            {
                command.CommandText = """
                    INSERT INTO state (key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now)
                    ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated_utc = excluded.updated_utc;
                    """;
            }
            else if (string.IsNullOrEmpty(row.Expected))
            {
                command.CommandText = "INSERT INTO state (key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now) ON CONFLICT(key) DO NOTHING;";
            }
            else
            {
                command.CommandText = "UPDATE state SET etag = $etag, json = $json, updated_utc = $now WHERE key = $key AND etag = $expected;";
                command.Parameters.AddWithValue("$expected", row.Expected);
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new StoragePreconditionFailedException(row.Key);
            }

            written.Add((row.Value, newETag));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (value, etag) in written)
        {
            StateItemJson.WriteETag(value, etag);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM state WHERE key = $key;";
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>True when the file can be opened and queried; used by /healthz.</summary>
    public async Task<bool> HealthCheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM state WHERE key = '';";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>The journal mode SQLite reports for this file ("wal" when set up as intended).</summary>
    public string JournalMode()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose() => SqliteConnection.ClearAllPools();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
