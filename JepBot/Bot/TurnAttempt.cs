namespace JepBot.Bot;

/// <summary>Which run of an activity this turn is (in the turn state), so the error handler knows whether another run follows.</summary>
internal sealed record TurnAttempt(int Number, bool IsLast);
