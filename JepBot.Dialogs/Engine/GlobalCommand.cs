namespace JepBot.Dialogs.Engine;

/// <summary>Commands that work on every turn, whatever question is open.</summary>
public enum GlobalCommand
{
    None,
    Help,
    Cancel,
    Back,
    Menu,
    Language,

    /// <summary>"hallo", "hi", …: a greeting is not an answer; the bot greets back and shows where the user is.</summary>
    Greeting,

    /// <summary>"hint", "tip": the open question's hint, where it has one (practice); elsewhere the word is an ordinary answer.</summary>
    Hint,
}

/// <summary>
/// Recognises a global command in typed text (Dutch and English words) or in a card button's data.
/// Only a message that consists of the command word counts, so "stop" inside a sentence stays an answer.
/// </summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Words = new(StringComparer.Ordinal)
    {
        ["help"] = GlobalCommand.Help,
        ["hulp"] = GlobalCommand.Help,
        ["?"] = GlobalCommand.Help,
        ["stop"] = GlobalCommand.Cancel,
        ["annuleer"] = GlobalCommand.Cancel,
        ["annuleren"] = GlobalCommand.Cancel,
        ["cancel"] = GlobalCommand.Cancel,
        ["terug"] = GlobalCommand.Back,
        ["vorige"] = GlobalCommand.Back,
        ["back"] = GlobalCommand.Back,
        ["opnieuw"] = GlobalCommand.Menu,
        ["menu"] = GlobalCommand.Menu,
        ["restart"] = GlobalCommand.Menu,
        ["start"] = GlobalCommand.Menu,
        ["taal"] = GlobalCommand.Language,
        ["language"] = GlobalCommand.Language,
        ["hallo"] = GlobalCommand.Greeting,
        ["hoi"] = GlobalCommand.Greeting,
        ["hai"] = GlobalCommand.Greeting,
        ["hey"] = GlobalCommand.Greeting,
        ["hee"] = GlobalCommand.Greeting,
        ["hi"] = GlobalCommand.Greeting,
        ["hello"] = GlobalCommand.Greeting,
        ["goedemorgen"] = GlobalCommand.Greeting,
        ["goedemiddag"] = GlobalCommand.Greeting,
        ["goedenavond"] = GlobalCommand.Greeting,
        ["good morning"] = GlobalCommand.Greeting,
        ["good afternoon"] = GlobalCommand.Greeting,
        ["good evening"] = GlobalCommand.Greeting,
        ["hint"] = GlobalCommand.Hint,
        ["tip"] = GlobalCommand.Hint,
    };

    /// <summary>Names used in card data; stable, never localised.</summary>
    private static readonly Dictionary<string, GlobalCommand> CardNames = new(StringComparer.Ordinal)
    {
        ["help"] = GlobalCommand.Help,
        ["cancel"] = GlobalCommand.Cancel,
        ["back"] = GlobalCommand.Back,
        ["menu"] = GlobalCommand.Menu,
        ["language"] = GlobalCommand.Language,
        ["hint"] = GlobalCommand.Hint,
    };

    /// <summary>Recognises "taal", "taal en", "language dutch", …: the command and, if given, the language asked for.</summary>
    public static (GlobalCommand Command, string? Argument) Recognize(TurnInput input)
    {
        if (input.CardCommand is { } cardCommand)
        {
            return (CardNames.GetValueOrDefault(cardCommand, GlobalCommand.None), null);
        }

        if (input.IsCardSubmit)
        {
            return (GlobalCommand.None, null);
        }

        var normalized = input.Text.Trim().Length == 1 ? input.Text.Trim() : TextMatching.Normalize(input.Text);
        if (Words.TryGetValue(normalized, out var command))
        {
            return (command, null);
        }

        var space = normalized.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && Words.TryGetValue(normalized[..space], out command) && command == GlobalCommand.Language)
        {
            return (command, normalized[(space + 1)..]);
        }

        return (GlobalCommand.None, null);
    }
}
