using JepBot.Dialogs.Engine.State;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;

namespace JepBot.Dialogs.Engine;

/// <summary>Everything the engine holds during one turn: the Bot Framework turn, the loaded state and the language.</summary>
public sealed class DialogTurn(ITurnContext context, DialogStackState state, UserPreferences preferences, Localizer localizer)
{
    public ITurnContext Context { get; } = context;

    public DialogStackState State { get; } = state;

    public UserPreferences Preferences { get; } = preferences;

    public Localizer Localizer { get; } = localizer;

    /// <summary>The user's own choice first, then the Teams locale. Read on every use so "taal" takes effect mid-turn.</summary>
    public string Language => Languages.IsSupported(Preferences.Language) ? Preferences.Language! : Languages.FromLocale(Context.Activity.Locale);

    public string T(string key, params object?[] args) => Localizer.Get(Language, key, args);
}
