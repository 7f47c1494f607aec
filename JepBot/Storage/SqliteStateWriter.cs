using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace JepBot.Storage;

/// <summary>
/// The one writer of <see cref="SqliteStorage"/>: turns hand it their state changes and it commits the changes
/// of all turns that are waiting at that moment in one transaction ("group commit").
/// </summary>
/// <remarks>
/// Why: SQLite allows one write transaction per file, and every commit waits for the disk (WAL with
/// synchronous=FULL syncs the log). When concurrent turns each opened their own transaction they raced for the
/// write lock, and Microsoft.Data.Sqlite answered the losers by sleeping on a thread-pool thread and trying again;
/// throughput stopped at one disk sync per turn and the sleeps showed up as the long tail of turn latency
/// (docs/performance.md). One writer on its own thread never races, and one sync covers every turn in the batch.
///
/// Durability is unchanged: a turn's write completes only after the transaction holding it has been committed.
/// Each turn's changes are their own savepoint inside the batch, so a turn whose ETag no longer matches fails
/// alone and the other turns in the batch still land. An error of the database itself (disk full, file gone)
/// fails every turn of that batch: none of it was committed.
/// </remarks>
internal sealed class SqliteStateWriter : IDisposable
{
    /// <summary>Upper bound of turns per transaction, so one commit never holds the file for long.</summary>
    public const int MaxBatch = 128;

    private readonly string _connectionString;
    private readonly BlockingCollection<Request> _queue = new();
    private readonly Thread _thread;
    private SqliteConnection? _connection;

    public SqliteStateWriter(string connectionString)
    {
        _connectionString = connectionString;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite state writer" };
        _thread.Start();
    }

    /// <summary>Number of transactions committed so far (a benchmark and test figure: turns per commit).</summary>
    public long Commits { get; private set; }

    /// <summary>Queues one turn's changes; completes with the new ETag per key once they are committed.</summary>
    public Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<StateRow> rows, CancellationToken cancellationToken)
    {
        var request = new Request(rows, cancellationToken);
        try
        {
            _queue.Add(request, CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(SqliteStorage), "The store has been closed.");
        }

        return request.Completion.Task;
    }

    /// <summary>Commits the given turns' changes in one transaction; public to the tests, which drive batches directly.</summary>
    internal void CommitBatch(IReadOnlyList<Request> batch)
    {
        var live = batch.Where(r => !r.CancellationToken.IsCancellationRequested).ToList();
        foreach (var cancelled in batch.Except(live))
        {
            cancelled.Completion.TrySetCanceled(cancelled.CancellationToken);
        }

        if (live.Count == 0)
        {
            return;
        }

        var outcomes = new List<(Request Request, IReadOnlyList<string>? ETags, Exception? Error)>(live.Count);
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction();
            var now = DateTime.UtcNow.ToString("O");
            foreach (var request in live)
            {
                Execute(connection, transaction, "SAVEPOINT turn;");
                var (etags, failedKey) = Apply(connection, transaction, request.Rows, now);
                if (failedKey is null)
                {
                    Execute(connection, transaction, "RELEASE turn;");
                    outcomes.Add((request, etags, null));
                }
                else
                {
                    Execute(connection, transaction, "ROLLBACK TO turn; RELEASE turn;");
                    outcomes.Add((request, null, new StoragePreconditionFailedException(failedKey)));
                }
            }

            transaction.Commit();
            Commits++;
        }
        catch (Exception exception)
        {
            // Nothing of this batch was committed: every turn in it learns so (their replies are never sent).
            ResetConnection();
            foreach (var request in live)
            {
                request.Completion.TrySetException(exception);
            }

            return;
        }

        foreach (var (request, etags, error) in outcomes)
        {
            if (error is null)
            {
                request.Completion.TrySetResult(etags!);
            }
            else
            {
                request.Completion.TrySetException(error);
            }
        }
    }

    public void Dispose()
    {
        if (_queue.IsAddingCompleted)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(30));
        ResetConnection();
    }

    private static (IReadOnlyList<string> ETags, string? FailedKey) Apply(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StateRow> rows, string now)
    {
        var etags = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            var newETag = Guid.NewGuid().ToString("N");
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$key", row.Key);
            command.Parameters.AddWithValue("$etag", newETag);
            command.Parameters.AddWithValue("$json", row.Json);
            command.Parameters.AddWithValue("$now", now);
            if (row.ExpectedETag == "*")
            {
                command.CommandText = """
                    INSERT INTO state (key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now)
                    ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated_utc = excluded.updated_utc;
                    """;
            }
            else if (string.IsNullOrEmpty(row.ExpectedETag))
            {
                command.CommandText = "INSERT INTO state (key, etag, json, updated_utc) VALUES ($key, $etag, $json, $now) ON CONFLICT(key) DO NOTHING;";
            }
            else
            {
                command.CommandText = "UPDATE state SET etag = $etag, json = $json, updated_utc = $now WHERE key = $key AND etag = $expected;";
                command.Parameters.AddWithValue("$expected", row.ExpectedETag);
            }

            if (command.ExecuteNonQuery() != 1)
            {
                return (etags, row.Key);
            }

            etags.Add(newETag);
        }

        return (etags, null);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Run()
    {
        var batch = new List<Request>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            CommitBatch(batch);
        }
    }

    private SqliteConnection Connection()
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection(_connectionString);
            _connection.Open();
        }

        return _connection;
    }

    private void ResetConnection()
    {
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>One key to write: its stored JSON and the ETag the turn expects ("*", null for new, or a stored one).</summary>
    internal sealed record StateRow(string Key, string? ExpectedETag, string Json);

    /// <summary>One turn's changes waiting for the writer.</summary>
    internal sealed class Request(IReadOnlyList<StateRow> rows, CancellationToken cancellationToken)
    {
        public IReadOnlyList<StateRow> Rows { get; } = rows;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<IReadOnlyList<string>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
