namespace JepBot.Dialogs.Engine.State;

/// <summary>What JepBot remembers about a user across conversations: only their chosen language.</summary>
public sealed class UserPreferences
{
    /// <summary>"nl" or "en" when the user chose one with "taal"; null means: follow the Teams locale.</summary>
    public string? Language { get; set; }
}
