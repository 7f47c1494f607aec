using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Engine.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine;

/// <summary>
/// What a waterfall step sees: its input (the previous answer or a child dialog's result), the dialog's options
/// and earlier answers, the user's language, and ways to send messages and to say what happens next.
/// </summary>
public sealed class StepContext
{
    private readonly DialogTurn _turn;
    private readonly DialogInstance _instance;

    internal StepContext(DialogTurn turn, DialogInstance instance, string stepName, JToken? input, bool isRepeat = false)
    {
        _turn = turn;
        _instance = instance;
        StepName = stepName;
        Input = OrNull(input);
        IsRepeat = isRepeat;
    }

    public string StepName { get; }

    /// <summary>
    /// True when the engine runs this step again for a question the user has seen already: "terug" to it, a language
    /// change, or the end of an interruption. A step with a one-time effect (counting) skips it then.
    /// </summary>
    public bool IsRepeat { get; }

    /// <summary>This turn's state, for engine-level helpers in this assembly (e.g. the whole stack).</summary>
    internal DialogTurn Turn => _turn;

    /// <summary>The answer to the previous step's question, the value passed by <see cref="Next"/>, or a child dialog's result.</summary>
    public JToken? Input { get; }

    /// <summary>What the dialog was started with. Never a JSON null: stored state turns a missing value into one.</summary>
    public JToken? Options => OrNull(_instance.Options);

    /// <summary>One named option, or null when the options are absent or not an object.</summary>
    public JToken? Option(string name) => Options is JObject options ? OrNull(options[name]) : null;

    public IReadOnlyDictionary<string, JToken> Answers => _instance.Answers;

    /// <summary>The input the given step got the last time it ran in this dialog, or null.</summary>
    public JToken? InputOf(string step)
    {
        var visit = _instance.History.LastOrDefault(v => v.Step == step);
        return visit?.Input is { Type: not JTokenType.Null } input ? input : null;
    }

    /// <summary>Conversation-wide notes between dialogs (see <see cref="State.DialogStackState.Notes"/>).</summary>
    public IDictionary<string, string> Notes => _turn.State.Notes;

    /// <summary>The id of this dialog run: stable across its turns, new for every run.</summary>
    public string RunId => _instance.Id;

    /// <summary>The incoming activity (who is asking, where), for dialogs that hand something off.</summary>
    public IActivity Activity => _turn.Context.Activity;

    /// <summary>The raw card data of a submit (untrusted), or null for typed text.</summary>
    public JObject? CardValue => _turn.Context.Activity.Value as JObject;

    /// <summary>The steps of this dialog run so far, oldest first (after "back", only those still on the path).</summary>
    public IEnumerable<string> VisitedSteps => _instance.History.Select(v => v.Step);

    public string Language => _turn.Language;

    public UserPreferences Preferences => _turn.Preferences;

    public T? InputAs<T>() => Input is null || Input.Type == JTokenType.Null ? default : Input.ToObject<T>();

    public T? OptionsAs<T>() => Options is null || Options.Type == JTokenType.Null ? default : Options.ToObject<T>();

    public T? Answer<T>(string step) => _instance.Answers.TryGetValue(step, out var token) && token.Type != JTokenType.Null ? token.ToObject<T>() : default;

    /// <summary>A text from the language resources in the user's language.</summary>
    public string T(string key, params object?[] args) => _turn.T(key, args);

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        _turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    public Task SendCardAsync(JObject card, string summary, CancellationToken cancellationToken) =>
        _turn.Context.SendActivityAsync(AdaptiveCard.ToActivity(card, summary), cancellationToken);

    public Task SendAsync(IActivity activity, CancellationToken cancellationToken) =>
        _turn.Context.SendActivityAsync(activity, cancellationToken);

    public StepResult Ask(PromptSpec prompt)
    {
        if (string.IsNullOrEmpty(prompt.SubmitTitle))
        {
            prompt.SubmitTitle = T("prompt.submit");
        }

        // Inputs on cards need a label and a message for when they are left empty (accessibility, and the
        // renderer's own validation); steps only give the question, so the engine supplies the rest.
        prompt.InputLabel ??= prompt.Kind switch
        {
            PromptKind.Choice or PromptKind.YesNo => T("prompt.label.choice"),
            PromptKind.MultiChoice => T("prompt.label.multichoice"),
            PromptKind.Text => T("prompt.label.text"),
            _ => null,
        };
        prompt.RequiredMessage ??= prompt.Kind switch
        {
            PromptKind.Choice or PromptKind.YesNo => T("prompt.required.choice"),
            PromptKind.MultiChoice => T("prompt.multichoice.tooFew", Math.Max(1, prompt.MinSelections)),
            PromptKind.Text => T("validation.required"),
            _ => null,
        };
        foreach (var field in prompt.Fields)
        {
            field.RequiredMessage ??= T("validation.required");
        }

        return new StepResult.Ask(prompt);
    }

    public StepResult AskChoice(string text, IEnumerable<PromptChoice> choices, string? detail = null, string? help = null) =>
        Ask(new PromptSpec { Kind = PromptKind.Choice, Text = text, Detail = detail, Help = help, Choices = [.. choices] });

    public StepResult AskYesNo(string text, string? detail = null, string? help = null) =>
        Ask(new PromptSpec
        {
            Kind = PromptKind.YesNo,
            Text = text,
            Detail = detail,
            Help = help,
            Choices =
            [
                new PromptChoice(PromptFields.Yes, T("prompt.yes"), "ja", "j", "yes", "y", "jazeker", "klopt", "ok"),
                new PromptChoice(PromptFields.No, T("prompt.no"), "nee", "n", "no", "neen", "niet"),
            ],
        });

    public StepResult AskMultiChoice(string text, IEnumerable<PromptChoice> choices, int minSelections = 1, string? detail = null) =>
        Ask(new PromptSpec { Kind = PromptKind.MultiChoice, Text = text, Detail = detail, Choices = [.. choices], MinSelections = minSelections });

    public StepResult AskText(string text, string? validator = null, int maxLength = 1000, bool multiline = false, bool optional = false, string? placeholder = null, string? detail = null)
    {
        if (validator is not null && !Validators.Exists(validator))
        {
            throw new InvalidOperationException($"Unknown validator '{validator}'.");
        }

        return Ask(new PromptSpec
        {
            Kind = PromptKind.Text,
            Text = text,
            Detail = detail,
            Validator = validator,
            MaxLength = maxLength,
            Multiline = multiline,
            Optional = optional,
            Placeholder = placeholder,
        });
    }

    public StepResult AskForm(string text, IEnumerable<FormField> fields, string? submitTitle = null, string? detail = null)
    {
        var list = fields.ToList();
        foreach (var field in list.Where(f => f.Validator is not null && !Validators.Exists(f.Validator)))
        {
            throw new InvalidOperationException($"Unknown validator '{field.Validator}'.");
        }

        return Ask(new PromptSpec { Kind = PromptKind.Form, Text = text, Detail = detail, Fields = list, SubmitTitle = submitTitle ?? "" });
    }

    public StepResult Next(object? value = null) => new StepResult.Next(ToToken(value));

    public StepResult GoTo(string step, object? value = null) => new StepResult.GoTo(step, ToToken(value));

    public StepResult Begin(string dialogId, object? options = null) => new StepResult.Begin(dialogId, ToToken(options));

    /// <summary>
    /// Asks the host to delete this conversation's and this user's stored state when the turn ends, instead of saving
    /// it ("wis mijn gegevens"). Replies of this turn still go out. Every other run leaves the stack now, so nothing
    /// asks its question again after this dialog ends (not even the question an interruption came from).
    /// </summary>
    public void EraseStateAfterTurn()
    {
        StateErasure.Request(_turn.Context);
        _turn.State.Stack.RemoveAll(run => !ReferenceEquals(run, _instance));
        _instance.IsInterruption = false;
        _turn.State.Notes.Clear();
    }

    public StepResult End(object? result = null) => new StepResult.End(ToToken(result));

    public StepResult Replace(string dialogId, object? options = null) => new StepResult.Replace(dialogId, ToToken(options));

    private static JToken? OrNull(JToken? token) => token is null || token.Type == JTokenType.Null ? null : token;

    private static JToken? ToToken(object? value) => value switch
    {
        null => null,
        JToken token => token,
        _ => JToken.FromObject(value),
    };
}
