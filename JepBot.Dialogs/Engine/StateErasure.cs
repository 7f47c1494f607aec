using Microsoft.Bot.Builder;

namespace JepBot.Dialogs.Engine;

/// <summary>
/// A turn's request to delete the stored conversation and user state once it ends (<see cref="StepContext.EraseStateAfterTurn"/>).
/// The engine does not touch storage; the host, which saves state after every turn, deletes it instead.
/// </summary>
public static class StateErasure
{
    private const string Key = "JepBot.EraseStateAfterTurn";

    public static void Request(ITurnContext context) => context.TurnState[Key] = true;

    public static bool IsRequested(ITurnContext context) => context.TurnState.TryGetValue(Key, out var value) && value is true;
}
