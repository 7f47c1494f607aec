namespace JepBot.Dialogs.Engine;

/// <summary>How a dialog run left the stack (<see cref="WaterfallDialog.OnLeft"/>).</summary>
public enum DialogExit
{
    /// <summary>Its own step ended it (<see cref="StepResult.End"/>, or its last step moved on).</summary>
    Ended,

    /// <summary>Its own step put another dialog in its place (<see cref="StepResult.Replace"/>).</summary>
    Replaced,

    /// <summary>
    /// Taken off unfinished by the engine: "stop", "menu", "terug" past its first question, or another feature started
    /// by name (also from a channel mention) while it was open.
    /// </summary>
    Removed,
}
