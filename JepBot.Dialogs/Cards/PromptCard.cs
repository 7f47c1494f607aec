using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// Renders a <see cref="PromptSpec"/> as an Adaptive Card. Every button carries the ticket (dialog run and step)
/// so the engine can tell a click on this card from a click on an older one.
/// </summary>
public static class PromptCard
{
    /// <summary>
    /// Most actions a card may have: the Adaptive Cards host config of Teams (and the reference renderer) allows 5.
    /// Choices become buttons only when they fit together with the "back" button; otherwise a list and "Verder".
    /// </summary>
    public const int MaxActions = 5;

    public static JObject Build(PromptSpec spec, string instanceId, string? problem)
    {
        var body = new List<JObject>();
        if (problem is not null)
        {
            body.Add(AdaptiveCard.Warning(problem));
        }

        body.Add(AdaptiveCard.Paragraph(spec.Text).With("weight", "Bolder"));
        if (!string.IsNullOrWhiteSpace(spec.Detail))
        {
            body.Add(AdaptiveCard.Paragraph(spec.Detail));
        }

        body.AddRange(spec.Paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => AdaptiveCard.Paragraph(p)));

        var actions = new List<JObject>();
        switch (spec.Kind)
        {
            case PromptKind.Choice or PromptKind.YesNo when spec.Choices.Count + (spec.BackTitle is null ? 0 : 1) <= MaxActions:
                actions.AddRange(spec.Choices.Select(c =>
                    AdaptiveCard.Submit(c.Title, Ticket(instanceId, spec.Step).With(PromptFields.Choice, c.Value))));
                break;
            case PromptKind.Choice or PromptKind.YesNo:
                body.Add(ChoiceSet(PromptFields.Choice, spec.InputLabel, spec.Choices, multi: false, required: true, null, spec.RequiredMessage));
                actions.Add(AdaptiveCard.Submit(spec.SubmitTitle, Ticket(instanceId, spec.Step), "positive"));
                break;
            case PromptKind.MultiChoice:
                body.Add(ChoiceSet(PromptFields.Choices, spec.InputLabel, spec.Choices, multi: true, required: true, null, spec.RequiredMessage));
                actions.Add(AdaptiveCard.Submit(spec.SubmitTitle, Ticket(instanceId, spec.Step), "positive"));
                break;
            case PromptKind.Text:
                body.Add(TextInput(PromptFields.Text, spec.InputLabel, spec.Placeholder, spec.Multiline, spec.MaxLength, !spec.Optional, null, spec.RequiredMessage));
                actions.Add(AdaptiveCard.Submit(spec.SubmitTitle, Ticket(instanceId, spec.Step), "positive"));
                break;
            case PromptKind.Form:
                foreach (var field in spec.Fields)
                {
                    body.Add(FormInput(field));
                    if (field.Error is not null)
                    {
                        body.Add(AdaptiveCard.Paragraph(field.Error).With("color", "Attention").With("spacing", "None"));
                    }
                }

                actions.Add(AdaptiveCard.Submit(spec.SubmitTitle, Ticket(instanceId, spec.Step), "positive"));
                break;
        }

        if (spec.BackTitle is not null)
        {
            actions.Add(AdaptiveCard.Submit(spec.BackTitle, Ticket(instanceId, spec.Step).WithCommand("back"), sendsInputs: false));
        }

        return AdaptiveCard.Create(FallbackText(spec), body, actions);
    }

    /// <summary>Card data that identifies the card: <c>{"jep": {"d": run id, "s": step}}</c>.</summary>
    public static JObject Ticket(string instanceId, string step) =>
        new() { [TurnInput.TicketProperty] = new JObject { ["d"] = instanceId, ["s"] = step } };

    private static JObject WithCommand(this JObject data, string command)
    {
        ((JObject)data[TurnInput.TicketProperty]!)["c"] = command;
        return data;
    }

    private static JObject FormInput(FormField field) => field.Kind switch
    {
        FormFieldKind.Text => TextInput(field.Id, field.Label, field.Placeholder, field.Multiline, field.MaxLength, field.Required, field.Value, field.RequiredMessage),
        FormFieldKind.Number => NumberInput(field),
        FormFieldKind.Choice => ChoiceSet(field.Id, field.Label, field.Choices, multi: false, field.Required, field.Value, field.RequiredMessage),
        FormFieldKind.MultiChoice => ChoiceSet(field.Id, field.Label, field.Choices, multi: true, field.Required, field.Value, field.RequiredMessage),
        FormFieldKind.Toggle => new JObject
        {
            ["type"] = "Input.Toggle",
            ["id"] = field.Id,
            ["title"] = field.Label,
            ["value"] = field.Value == "true" ? "true" : "false",
        },
        _ => throw new InvalidOperationException($"Unknown field kind {field.Kind}."),
    };

    private static JObject TextInput(string id, string? label, string? placeholder, bool multiline, int maxLength, bool required, string? value, string? requiredMessage)
    {
        var input = new JObject { ["type"] = "Input.Text", ["id"] = id, ["isMultiline"] = multiline, ["maxLength"] = maxLength };
        AddCommon(input, label, required, value, requiredMessage);
        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        return input;
    }

    private static JObject NumberInput(FormField field)
    {
        var input = new JObject { ["type"] = "Input.Number", ["id"] = field.Id };
        AddCommon(input, field.Label, field.Required, null, field.RequiredMessage);
        if (field.Min is { } min)
        {
            input["min"] = min;
        }

        if (field.Max is { } max)
        {
            input["max"] = max;
        }

        if (int.TryParse(field.Value, out var number))
        {
            input["value"] = number;
        }

        return input;
    }

    private static JObject ChoiceSet(string id, string? label, IEnumerable<PromptChoice> choices, bool multi, bool required, string? value, string? requiredMessage)
    {
        var input = new JObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["style"] = "expanded",
            ["isMultiSelect"] = multi,
            ["choices"] = new JArray(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value })),
        };
        AddCommon(input, label, required, value, requiredMessage);
        return input;
    }

    private static void AddCommon(JObject input, string? label, bool required, string? value, string? requiredMessage)
    {
        if (label is not null)
        {
            input["label"] = label;
        }

        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = requiredMessage ?? label ?? "";
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }
    }

    private static string FallbackText(PromptSpec spec) =>
        spec.Choices.Count == 0 || spec.Kind == PromptKind.Form
            ? spec.Text
            : spec.Text + " " + string.Join(" ", spec.Choices.Select((c, i) => $"({i + 1}) {c.Title}"));

    private static JObject With(this JObject o, string name, JToken value)
    {
        o[name] = value;
        return o;
    }
}
