using System.Globalization;
using JepBot.Dialogs.Cards.Templating;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// Renders a <see cref="PromptSpec"/> through the <c>prompt</c> template. Every button carries the ticket (dialog
/// run and step) so the engine can tell a click on this card from a click on an older one.
/// </summary>
public static class PromptCard
{
    /// <summary>
    /// Most actions a card may have: the Microsoft Teams host config allows 6 (checked by the renderer test).
    /// Choices become buttons only when they fit together with the "back" button; otherwise a list and "Verder".
    /// </summary>
    public const int MaxActions = 6;

    public static JObject Build(PromptSpec spec, string instanceId, string? problem)
    {
        var ticket = Ticket(instanceId, spec.Step);
        if (spec.ButtonData is not null)
        {
            ticket.Merge(spec.ButtonData);
        }

        var buttons = new List<object>();
        var moreButtons = new List<object>();
        var input = "none";
        var inputId = "";
        var otherActions = spec.CommandButtons.Count + (spec.BackTitle is null ? 0 : 1);
        var fitting = MaxActions - otherActions;
        switch (spec.Kind)
        {
            case PromptKind.Choice or PromptKind.YesNo when spec.Choices.Count <= fitting:
                buttons.AddRange(spec.Choices.Select(c => Button(c.Title, With(ticket, PromptFields.Choice, c.Value), "default", true)));
                break;
            case PromptKind.Choice when spec.MoreTitle is not null && fitting >= 2:
                // One place goes to the "more" button; the choices after the ones that fit are behind it.
                var shown = fitting - 1;
                buttons.AddRange(spec.Choices.Take(shown).Select(c => Button(c.Title, With(ticket, PromptFields.Choice, c.Value), "default", true)));
                moreButtons.AddRange(spec.Choices.Skip(shown).Select(c => Button(c.Title, With(ticket, PromptFields.Choice, c.Value), "default", true)));
                break;
            case PromptKind.Choice or PromptKind.YesNo or PromptKind.MultiChoice:
                input = "list";
                inputId = spec.Kind == PromptKind.MultiChoice ? PromptFields.Choices : PromptFields.Choice;
                buttons.Add(Button(spec.SubmitTitle, ticket, "positive", true));
                break;
            case PromptKind.Text:
                input = "text";
                buttons.Add(Button(spec.SubmitTitle, ticket, "positive", true));
                break;
            case PromptKind.Form:
                buttons.Add(Button(spec.SubmitTitle, ticket, "positive", true));
                break;
        }

        buttons.AddRange(spec.CommandButtons.Select(c => Button(c.Title, InfoCard.CommandData(c.Command), "default", false)));
        if (spec.BackTitle is not null)
        {
            // "Back" must work while required inputs are still empty: it neither validates nor sends them.
            buttons.Add(Button(spec.BackTitle, Command(instanceId, spec.Step, "back"), "default", false));
        }

        return CardTemplates.Expand("prompt", new
        {
            fallbackText = problem is null ? FallbackText(spec) : problem + " " + FallbackText(spec),
            hasProblem = problem is not null,
            problem = problem ?? "",
            text = spec.Text,
            paragraphs = new[] { spec.Detail }.Concat(spec.Paragraphs).Where(p => !string.IsNullOrWhiteSpace(p)),
            // The hint sits under the explanation, not among the answers: it is no answer, and its title stays readable.
            // Like "back" it carries the ticket, so a hint asked from an older card is refused as stale.
            hasHint = spec.HintTitle is not null,
            hint = new { title = spec.HintTitle ?? "", data = spec.HintTitle is null ? new JObject() : Command(instanceId, spec.Step, "hint") },
            input,
            inputId,
            inputLabel = spec.InputLabel ?? "",
            multiSelect = spec.Kind == PromptKind.MultiChoice,
            requiredMessage = spec.RequiredMessage ?? "",
            choices = spec.Choices.Select(c => new { title = c.Title, value = c.Value }),
            placeholder = spec.Placeholder ?? "",
            multiline = spec.Multiline,
            maxLength = spec.MaxLength,
            required = !spec.Optional,
            fields = spec.Kind == PromptKind.Form ? spec.Fields.Select(Field) : [],
            buttons,
            hasMore = moreButtons.Count > 0,
            moreTitle = spec.MoreTitle ?? "",
            moreButtons,
        });
    }

    /// <summary>Data of a button that runs a global command for this card's question: the ticket and <c>"c"</c>.</summary>
    private static JObject Command(string instanceId, string step, string command)
    {
        var data = Ticket(instanceId, step);
        ((JObject)data[TurnInput.TicketProperty]!)["c"] = command;
        return data;
    }

    /// <summary>Card data that identifies the card: <c>{"jep": {"d": run id, "s": step}}</c>.</summary>
    public static JObject Ticket(string instanceId, string step) =>
        new() { [TurnInput.TicketProperty] = new JObject { ["d"] = instanceId, ["s"] = step } };

    private static object Button(string title, JObject data, string style, bool sendsInputs) =>
        new { title, data, style, associatedInputs = sendsInputs ? "auto" : "none" };

    private static object Field(FormField field)
    {
        var hasNumber = int.TryParse(field.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
        return new
        {
            kind = field.Kind.ToString(),
            id = field.Id,
            label = field.Label,
            placeholder = field.Placeholder ?? "",
            multiline = field.Multiline,
            maxLength = field.MaxLength,
            required = field.Required,
            requiredMessage = field.Required ? field.RequiredMessage ?? field.Label : "",
            value = field.Kind == FormFieldKind.Toggle ? (field.Value == "true" ? "true" : "false") : field.Value ?? "",
            hasValue = field.Kind == FormFieldKind.Number ? hasNumber : !string.IsNullOrEmpty(field.Value),
            number = hasNumber ? number : 0,
            min = field.Min ?? int.MinValue,
            max = field.Max ?? int.MaxValue,
            choices = field.Choices.Select(c => new { title = c.Title, value = c.Value }),
            hasError = field.Error is not null,
            error = field.Error ?? "",
        };
    }

    private static JObject With(JObject ticket, string name, string value)
    {
        var data = (JObject)ticket.DeepClone();
        data[name] = value;
        return data;
    }

    private static string FallbackText(PromptSpec spec) =>
        spec.Choices.Count == 0 || spec.Kind == PromptKind.Form
            ? spec.Text
            : spec.Text + " " + string.Join(" ", spec.Choices.Select((c, i) => $"({i + 1}) {c.Title}"));
}
