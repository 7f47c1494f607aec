using JepBot.Dialogs.Engine.Prompts;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine;

/// <summary>What a waterfall step wants to happen next. Made by the methods on <see cref="StepContext"/>.</summary>
public abstract record StepResult
{
    private StepResult()
    {
    }

    /// <summary>Ask a question and wait for the answer; the answer becomes the next step's input.</summary>
    public sealed record Ask(PromptSpec Prompt) : StepResult;

    /// <summary>Go on to the next step (or end the dialog after the last one) with this input.</summary>
    public sealed record Next(JToken? Value) : StepResult;

    /// <summary>Go on to a named step of this dialog.</summary>
    public sealed record GoTo(string Step, JToken? Value) : StepResult;

    /// <summary>Start a child dialog; its result becomes the next step's input.</summary>
    public sealed record Begin(string DialogId, JToken? Options) : StepResult;

    /// <summary>End this dialog and hand the result to the dialog below it.</summary>
    public sealed record End(JToken? Result) : StepResult;

    /// <summary>End this dialog and start another in its place (e.g. the menu starting over).</summary>
    public sealed record Replace(string DialogId, JToken? Options) : StepResult;
}
