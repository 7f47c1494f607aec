using JepBot.Refresh;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace JepBot.Storage;

/// <summary>Refresh schedules in the bot's SQLite file: one row per team, the schedule as JSON, a version for conditional writes.</summary>
public sealed class SqliteRefreshScheduleStore : IRefreshScheduleStore
{
    internal static readonly JsonSerializerSettings Json = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        Converters = { new StringEnumConverter() },
    };

    private readonly SqliteRecordFile _file;

    public SqliteRefreshScheduleStore(string path) => _file = new SqliteRecordFile(path, """
            CREATE TABLE IF NOT EXISTS refresh_schedules (
                team_id TEXT PRIMARY KEY NOT NULL,
                version TEXT NOT NULL,
                json    TEXT NOT NULL
            );
            """);

    public async Task<VersionedSchedule?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, version FROM refresh_schedules WHERE team_id = $team;";
        command.Parameters.AddWithValue("$team", teamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<VersionedSchedule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, version FROM refresh_schedules ORDER BY team_id;";
        var result = new List<VersionedSchedule>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public async Task<string?> TryWriteAsync(RefreshSchedule schedule, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(schedule.TeamId);
        var version = Guid.NewGuid().ToString("N");
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedVersion is null
            ? "INSERT INTO refresh_schedules (team_id, version, json) VALUES ($team, $version, $json) ON CONFLICT (team_id) DO NOTHING;"
            : "UPDATE refresh_schedules SET version = $version, json = $json WHERE team_id = $team AND version = $expected;";
        command.Parameters.AddWithValue("$team", schedule.TeamId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$json", JsonConvert.SerializeObject(schedule, Json));
        if (expectedVersion is not null)
        {
            command.Parameters.AddWithValue("$expected", expectedVersion);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? version : null;
    }

    private static VersionedSchedule Read(SqliteDataReader reader) =>
        new(JsonConvert.DeserializeObject<RefreshSchedule>(reader.GetString(0), Json)!, reader.GetString(1));
}
