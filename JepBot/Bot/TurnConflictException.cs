namespace JepBot.Bot;

/// <summary>
/// A turn lost a save to another writer (another instance, or the same user in another chat): its state was not
/// saved and its replies were not sent, so it can run again from the start on the current state.
/// </summary>
public sealed class TurnConflictException(Exception conflict)
    : Exception("The turn's state was changed by someone else while it ran; nothing was saved or sent.", conflict);
