using Microsoft.Data.Sqlite;

namespace JepBot.Storage;

/// <summary>
/// The SQLite file as the record stores (requests, installations) use it: the folder created, WAL mode, their
/// tables created if missing, and a fresh connection per operation.
/// </summary>
internal sealed class SqliteRecordFile
{
    private readonly string _connectionString;

    /// <param name="schema">CREATE ... IF NOT EXISTS statements for the store's tables.</param>
    public SqliteRecordFile(string path, string schema)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;\n" + schema;
        command.ExecuteNonQuery();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
