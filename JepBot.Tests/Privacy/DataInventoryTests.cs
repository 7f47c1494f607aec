using System.Reflection;
using System.Text.RegularExpressions;
using JepBot.Dialogs.Engine.State;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Installations;
using JepBot.Refresh;
using JepBot.Storage;
using JepBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace JepBot.Tests.Privacy;

/// <summary>
/// docs/data-inventory.md names everything JepBot stores: every table the SQLite stores create and every stored
/// property of every record type. A new table or field that is not described there fails this test.
/// </summary>
public sealed class DataInventoryTests
{
    private static readonly Type[] RecordTypes =
    [
        typeof(DialogStackState), typeof(DialogInstance), typeof(StepVisit), typeof(UserPreferences),
        typeof(HandoffRequest), typeof(DeliveryState), typeof(AdvisorChannel),
        typeof(TeamInstallation), typeof(MunicipalContact), typeof(RefreshSchedule),
    ];

    private static readonly string Inventory = File.ReadAllText(RepositoryPaths.Combine("docs", "data-inventory.md"));

    private static readonly HashSet<string> Named = [.. Regex.Matches(Inventory, "`([^`]+)`").Select(m => m.Groups[1].Value)];

    [Fact]
    public void Every_table_the_stores_create_is_in_the_inventory()
    {
        var path = BotHost.NewDatabasePath();
        using var state = new SqliteStorage(path);
        _ = new SqliteHandoffStore(path);
        _ = new SqliteInstallationStore(path);
        _ = new SqliteRefreshScheduleStore(path);
        _ = new SqliteInsightStore(path);

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(6, tables.Count);
        Assert.All(tables, table => Assert.True(Named.Contains(table), $"table `{table}` is not in docs/data-inventory.md"));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_stored_property_of_every_record_type_is_in_the_inventory(string typeName)
    {
        var type = RecordTypes.Single(t => t.Name == typeName);
        Assert.True(Named.Contains(type.Name), $"record type `{type.Name}` is not in docs/data-inventory.md");

        var stored = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => p.Name)
            .ToList();
        var missing = stored.Where(p => !Named.Contains(p) && !Regex.IsMatch(Inventory, $"`[^`]*\\b{p}\\b[^`]*`")).ToList();

        Assert.NotEmpty(stored);
        Assert.True(missing.Count == 0, $"{type.Name}: not in docs/data-inventory.md: {string.Join(", ", missing)}");
    }

    public static TheoryData<string> Types() => [.. RecordTypes.Select(t => t.Name)];
}
