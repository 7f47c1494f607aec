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
/// A batch of writes (one <see cref="WriteAsync"/>) lands whole or not at all. Writes go through one
/// <see cref="SqliteStateWriter"/>, which commits the writes of concurrent turns together. After a write the new ETag is put back into the
/// object that was written (IStoreItem, dictionary or JObject), so a second save in the same turn still matches.
/// Values are serialised without type names: stored JSON can never choose which .NET type gets created
/// (<see cref="StateItemJson"/>, shared with the Azure store).
/// </remarks>
public sealed class SqliteStorage : IStorage, JepBot.Retention.IStateRetention, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteStateWriter _writer;

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
        _writer = new SqliteStateWriter(_connectionString);
    }

    /// <summary>Transactions committed by this store's writer so far (see <see cref="SqliteStateWriter"/>).</summary>
    public long Commits => _writer.Commits;

    /// <summary>The writer itself, for the tests that drive its batches directly.</summary>
    internal SqliteStateWriter Writer => _writer;

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

        // Serialise everything first, on the turn's own thread: a value that cannot be stored fails the write before
        // the database is touched, and the writer thread only runs SQL.
        var values = changes.ToList();
        var rows = values.Select(change => new SqliteStateWriter.StateRow(change.Key, StateItemJson.ReadETag(change.Value), StateItemJson.ToJson(change.Value))).ToList();
        var etags = await _writer.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < values.Count; i++)
        {
            StateItemJson.WriteETag(values[i].Value, etags[i]);
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

    /// <summary>Retention: deletes the state rows last written before the cutoff (<c>updated_utc</c>, set on every write).</summary>
    public async Task<int> DeleteStateUnchangedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM state WHERE updated_utc < $cutoff;";
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcDateTime.ToString("O"));
        return await command.ExecuteNonQueryAsync(cancellationToken);
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

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
    }

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
