using JepBot.Dialogs.Handoff;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace JepBot.Storage;

/// <summary>
/// Requests and the advisors' channel in the same SQLite file as the bot state, in their own tables. References are
/// numbered per kind and year inside the insert's transaction, and the idempotency key is unique, so a repeated
/// submit finds the request it already created.
/// </summary>
public sealed class SqliteHandoffStore : IHandoffStore
{
    private static readonly JsonSerializerSettings Json = new() { TypeNameHandling = TypeNameHandling.None, NullValueHandling = NullValueHandling.Ignore };

    private readonly SqliteRecordFile _file;

    public SqliteHandoffStore(string path) => _file = new SqliteRecordFile(path, """
            CREATE TABLE IF NOT EXISTS handoff_requests (
                reference        TEXT PRIMARY KEY NOT NULL,
                prefix_year      TEXT NOT NULL,
                seq              INTEGER NOT NULL,
                idempotency_key  TEXT NOT NULL UNIQUE,
                status           TEXT NOT NULL,
                delivered        INTEGER NOT NULL,
                next_attempt_utc TEXT NOT NULL,
                created_utc      TEXT NOT NULL,
                etag             TEXT NOT NULL,
                json             TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS handoff_due ON handoff_requests (delivered, next_attempt_utc);
            CREATE TABLE IF NOT EXISTS advisor_channel (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
            """);

    public async Task<(HandoffRequest Request, bool Created)> AddAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await FindByKeyAsync(connection, transaction, request.IdempotencyKey, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var prefix = (request.Kind == RequestKind.Werkatelier ? "WA" : "AV") + "-" + request.CreatedUtc.UtcDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var next = connection.CreateCommand())
        {
            next.Transaction = transaction;
            next.CommandText = "SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_requests WHERE prefix_year = $p;";
            next.Parameters.AddWithValue("$p", prefix);
            var seq = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
            request.Reference = $"{prefix}-{seq:0000}";
            request.ETag = Guid.NewGuid().ToString("N");
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO handoff_requests (reference, prefix_year, seq, idempotency_key, status, delivered, next_attempt_utc, created_utc, etag, json)
                VALUES ($reference, $prefix, $seq, $key, $status, $delivered, $next, $created, $etag, $json);
                """;
            insert.Parameters.AddWithValue("$prefix", prefix);
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$key", request.IdempotencyKey);
            insert.Parameters.AddWithValue("$created", request.CreatedUtc.UtcDateTime.ToString("O"));
            AddRow(insert, request);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (Clone(request), true);
    }

    public async Task<HandoffRequest?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, json FROM handoff_requests WHERE reference = $r;";
        command.Parameters.AddWithValue("$r", reference);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<HandoffRequest> UpdateAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var expected = request.ETag ?? throw new ArgumentException("A request must be read before it is updated.", nameof(request));
        var updated = Clone(request);
        updated.ETag = Guid.NewGuid().ToString("N");
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE handoff_requests SET status = $status, delivered = $delivered, next_attempt_utc = $next, etag = $etag, json = $json
            WHERE reference = $reference AND etag = $expected;
            """;
        command.Parameters.AddWithValue("$expected", expected);
        AddRow(command, updated);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new HandoffConflictException(request.Reference);
        }

        request.ETag = updated.ETag;
        return updated;
    }

    public async Task<IReadOnlyList<HandoffRequest>> DueForDeliveryAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, json FROM handoff_requests WHERE delivered = 0 AND next_attempt_utc <= $now ORDER BY created_utc LIMIT $max;";
        command.Parameters.AddWithValue("$now", now.UtcDateTime.ToString("O"));
        command.Parameters.AddWithValue("$max", max);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffRequest>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, json FROM handoff_requests WHERE delivered = 0 OR status = $open ORDER BY created_utc;";
        command.Parameters.AddWithValue("$open", RequestStatus.Open.ToString());
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffRequest>> FindByRequesterAsync(string requesterId, CancellationToken cancellationToken)
    {
        // The requester is inside the JSON only (no column with a person's id); requests are few, so they are read and filtered.
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, json FROM handoff_requests ORDER BY created_utc;";
        return [.. (await ReadAllAsync(command, cancellationToken)).Where(r => r.RequesterId == requesterId)];
    }

    public async Task<int> DeleteResolvedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT etag, json FROM handoff_requests WHERE status = $resolved;";
        select.Parameters.AddWithValue("$resolved", RequestStatus.Resolved.ToString());
        var old = (await ReadAllAsync(select, cancellationToken)).Where(r => r.ResolvedUtc < cutoff).ToList();
        var deleted = 0;
        foreach (var request in old)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM handoff_requests WHERE reference = $reference AND status = $resolved;";
            delete.Parameters.AddWithValue("$reference", request.Reference);
            delete.Parameters.AddWithValue("$resolved", RequestStatus.Resolved.ToString());
            deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }

    public async Task SetAdvisorChannelAsync(AdvisorChannel channel, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO advisor_channel (id, json) VALUES (1, $json) ON CONFLICT(id) DO UPDATE SET json = excluded.json;";
        command.Parameters.AddWithValue("$json", JsonConvert.SerializeObject(channel, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AdvisorChannel?> GetAdvisorChannelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM advisor_channel WHERE id = 1;";
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonConvert.DeserializeObject<AdvisorChannel>(json, Json) : null;
    }

    private static void AddRow(SqliteCommand command, HandoffRequest request)
    {
        command.Parameters.AddWithValue("$reference", request.Reference);
        command.Parameters.AddWithValue("$status", request.Status.ToString());
        command.Parameters.AddWithValue("$delivered", request.FullyDelivered ? 1 : 0);
        command.Parameters.AddWithValue("$next", request.NextAttemptUtc.UtcDateTime.ToString("O"));
        command.Parameters.AddWithValue("$etag", request.ETag);
        var stored = Clone(request);
        stored.ETag = null;
        command.Parameters.AddWithValue("$json", JsonConvert.SerializeObject(stored, Json));
    }

    public async Task<HandoffRequest?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        return await FindByKeyAsync(connection, null, idempotencyKey, cancellationToken);
    }

    private static async Task<HandoffRequest?> FindByKeyAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag, json FROM handoff_requests WHERE idempotency_key = $k;";
        command.Parameters.AddWithValue("$k", key);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<HandoffRequest>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<HandoffRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var request = JsonConvert.DeserializeObject<HandoffRequest>(reader.GetString(1), Json)!;
            request.ETag = reader.GetString(0);
            result.Add(request);
        }

        return result;
    }

    private static HandoffRequest Clone(HandoffRequest request) =>
        JsonConvert.DeserializeObject<HandoffRequest>(JsonConvert.SerializeObject(request, Json), Json)!;
}
