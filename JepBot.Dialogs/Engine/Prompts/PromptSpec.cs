using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace JepBot.Dialogs.Engine.Prompts;

/// <summary>What kind of answer a prompt expects.</summary>
[JsonConverter(typeof(StringEnumConverter))]
public enum PromptKind
{
    Choice,
    MultiChoice,
    YesNo,
    Text,
    Form,
}

/// <summary>
/// A question as plain data. It is stored with the dialog while the bot waits for the answer, so that the
/// answer can be checked after a restart and the card can be shown again; validators are referenced by name
/// for the same reason. Texts are already localised when the step builds the spec.
/// </summary>
public sealed class PromptSpec
{
    /// <summary>Name of the step that asked; filled in by the engine.</summary>
    public string Step { get; set; } = "";

    public PromptKind Kind { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Optional explanation under the question.</summary>
    public string? Detail { get; set; }

    /// <summary>Further paragraphs under the question (markdown: bold, links); used by content-driven steps.</summary>
    public List<string> Paragraphs { get; set; } = [];

    /// <summary>
    /// Set by the engine once the card was sent, when the asking dialog can rebuild <see cref="Paragraphs"/>: they are
    /// then left out of stored state and built again if the question is shown again (see <c>WaterfallDialog.RebuildsParagraphs</c>).
    /// </summary>
    public bool ParagraphsOmitted { get; set; }

    /// <summary>Optional help for this question, shown on "help" before the question is asked again.</summary>
    public string? Help { get; set; }

    public List<PromptChoice> Choices { get; set; } = [];

    /// <summary>Multi-choice: the fewest options the user must pick.</summary>
    public int MinSelections { get; set; } = 1;

    /// <summary>Text: validator name (see <see cref="Validators"/>), or null for any non-empty text.</summary>
    public string? Validator { get; set; }

    public int MaxLength { get; set; } = 1000;

    public bool Multiline { get; set; }

    public string? Placeholder { get; set; }

    /// <summary>Text: whether an empty answer is allowed (the user can then click "Verder" without typing).</summary>
    public bool Optional { get; set; }

    public List<FormField> Fields { get; set; } = [];

    /// <summary>Label of the input on the card (list, multi-choice and text prompts); screen readers announce it.</summary>
    public string? InputLabel { get; set; }

    /// <summary>What the card says when the input is sent empty; filled in by the engine.</summary>
    public string? RequiredMessage { get; set; }

    /// <summary>
    /// The answer is handed to the next step in this turn and then forgotten: it is never written to the dialog's
    /// answers or history (used for free text that may contain personal data). After "back" the step sees no input.
    /// </summary>
    public bool Transient { get; set; }

    /// <summary>Title of the button that sends a multi-choice, text or form prompt.</summary>
    public string SubmitTitle { get; set; } = "";

    /// <summary>Extra data on every answer button of this card (e.g. an idempotency key for "Versturen").</summary>
    public Newtonsoft.Json.Linq.JObject? ButtonData { get; set; }

    /// <summary>Extra buttons that run a command dialog from this card (e.g. "Juridische kaders").</summary>
    public List<PromptCommandButton> CommandButtons { get; set; } = [];

    /// <summary>Filled in by the engine when this dialog can go back, so the card shows a "back" button.</summary>
    public string? BackTitle { get; set; }

    /// <summary>
    /// When set, the card has a button with this title that shows <see cref="Hint"/> (the typed word "hint" does the
    /// same) and then asks the question again; the answer is not touched. Used when practising with a case.
    /// </summary>
    public string? HintTitle { get; set; }

    /// <summary>The paragraphs shown by the hint button.</summary>
    public List<string> Hint { get; set; } = [];

    /// <summary>
    /// When set and there are more choices than fit as buttons, the first ones stay buttons and the rest go behind one
    /// button with this title, which opens them on the card, instead of the whole question becoming a list (the menu).
    /// </summary>
    public string? MoreTitle { get; set; }
}

/// <summary>One option of a choice prompt. <see cref="Value"/> is stable; titles are localised.</summary>
public sealed class PromptChoice
{
    public PromptChoice()
    {
    }

    public PromptChoice(string value, string title, params string[] synonyms)
    {
        Value = value;
        Title = title;
        Synonyms = [.. synonyms];
    }

    public string Value { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Other words that count as choosing this option when typed.</summary>
    public List<string> Synonyms { get; set; } = [];
}

[JsonConverter(typeof(StringEnumConverter))]
public enum FormFieldKind
{
    Text,
    Number,
    Choice,
    MultiChoice,
    Toggle,
}

/// <summary>One input of a form prompt; all fields are validated together when the form is sent.</summary>
public sealed class FormField
{
    public string Id { get; set; } = "";

    public FormFieldKind Kind { get; set; }

    public string Label { get; set; } = "";

    public bool Required { get; set; }

    public int MaxLength { get; set; } = 500;

    public bool Multiline { get; set; }

    public string? Placeholder { get; set; }

    /// <summary>Text fields: a validator name (see <see cref="Validators"/>).</summary>
    public string? Validator { get; set; }

    public int? Min { get; set; }

    public int? Max { get; set; }

    public List<PromptChoice> Choices { get; set; } = [];

    /// <summary>What the card says when a required field is sent empty; filled in by the engine.</summary>
    public string? RequiredMessage { get; set; }

    /// <summary>What the user entered last time; shown again when the form comes back with errors.</summary>
    public string? Value { get; set; }

    /// <summary>Why the last value was not accepted; shown under the field.</summary>
    public string? Error { get; set; }
}

/// <summary>A button on a question card that runs a command (see <c>DialogRunner.AddCommandDialog</c>).</summary>
public sealed class PromptCommandButton
{
    public string Title { get; set; } = "";

    public string Command { get; set; } = "";
}
