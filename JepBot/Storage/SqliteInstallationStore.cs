using JepBot.Dialogs.Installations;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace JepBot.Storage;

/// <summary>Team installations in the same SQLite file as the bot state, one row per team, the record as JSON.</summary>
public sealed class SqliteInstallationStore : IInstallationStore
{
    private static readonly JsonSerializerSettings Json = new() { TypeNameHandling = TypeNameHandling.None, NullValueHandling = NullValueHandling.Ignore };

    private readonly SqliteRecordFile _file;

    public SqliteInstallationStore(string path) => _file = new SqliteRecordFile(path, """
            CREATE TABLE IF NOT EXISTS team_installations (
                team_id   TEXT PRIMARY KEY NOT NULL,
                tenant_id TEXT,
                json      TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS team_installations_tenant ON team_installations (tenant_id);
            """);

    public async Task UpsertAsync(TeamInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(installation.TeamId);
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO team_installations (team_id, tenant_id, json) VALUES ($team, $tenant, $json)
            ON CONFLICT (team_id) DO UPDATE SET tenant_id = excluded.tenant_id, json = excluded.json;
            """;
        command.Parameters.AddWithValue("$team", installation.TeamId);
        command.Parameters.AddWithValue("$tenant", (object?)installation.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("$json", JsonConvert.SerializeObject(installation, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<TeamInstallation?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM team_installations WHERE team_id = $team;";
        command.Parameters.AddWithValue("$team", teamId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonConvert.DeserializeObject<TeamInstallation>(json, Json) : null;
    }

    public async Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM team_installations WHERE team_id = $team;";
        command.Parameters.AddWithValue("$team", teamId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<TeamInstallation>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = tenantId is null
            ? "SELECT json FROM team_installations ORDER BY team_id;"
            : "SELECT json FROM team_installations WHERE tenant_id = $tenant ORDER BY team_id;";
        if (tenantId is not null)
        {
            command.Parameters.AddWithValue("$tenant", tenantId);
        }

        var result = new List<TeamInstallation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(JsonConvert.DeserializeObject<TeamInstallation>(reader.GetString(0), Json)!);
        }

        return result;
    }
}
