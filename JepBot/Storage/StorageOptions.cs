namespace JepBot.Storage;

/// <summary>Configuration section "Storage": where conversation and user state live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The embedded SQLite file. A relative path is taken from the app's content root.</summary>
    public string SqlitePath { get; set; } = "data/jepbot.db";
}
