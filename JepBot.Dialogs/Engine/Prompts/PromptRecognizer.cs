using System.Globalization;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine.Prompts;

/// <summary>The result of checking an answer: the recognised value, or why it was refused.</summary>
public sealed record PromptRecognition(bool Accepted, JToken? Answer, string? Problem, PromptSpec? RetrySpec)
{
    public static PromptRecognition Accept(JToken answer) => new(true, answer, null, null);

    public static PromptRecognition Reject(string problem, PromptSpec? retrySpec = null) => new(false, null, problem, retrySpec);
}

/// <summary>
/// Turns what the user typed or submitted into the answer a prompt expects. Card data is untrusted:
/// a choice must be one of the offered values, numbers must parse, strings are length-checked.
/// </summary>
public sealed class PromptRecognizer(Localizer localizer, string language)
{
    /// <summary>Longest raw string read from card data before it is even looked at; longer means hostile.</summary>
    private const int MaxRawLength = 20_000;

    public PromptRecognition Recognize(PromptSpec spec, TurnInput input) => spec.Kind switch
    {
        PromptKind.Choice => RecognizeChoice(spec, input),
        PromptKind.YesNo => RecognizeYesNo(spec, input),
        PromptKind.MultiChoice => RecognizeMultiChoice(spec, input),
        PromptKind.Text => RecognizeText(spec, input),
        PromptKind.Form => RecognizeForm(spec, input),
        _ => throw new InvalidOperationException($"Unknown prompt kind {spec.Kind}."),
    };

    private string T(string key, params object?[] args) => localizer.Get(language, key, args);

    private PromptRecognition RecognizeChoice(PromptSpec spec, TurnInput input)
    {
        var choice = input.IsCardSubmit
            ? FindByValue(spec.Choices, input.ValueString(PromptFields.Choice, MaxRawLength))
            : FindTyped(spec.Choices, input.Text);
        return choice is null
            ? PromptRecognition.Reject(T("prompt.choice.invalid", ListTitles(spec.Choices)))
            : PromptRecognition.Accept(choice.Value);
    }

    private PromptRecognition RecognizeYesNo(PromptSpec spec, TurnInput input)
    {
        var recognition = RecognizeChoice(spec, input);
        return recognition.Accepted
            ? PromptRecognition.Accept(recognition.Answer!.Value<string>() == PromptFields.Yes)
            : PromptRecognition.Reject(T("prompt.yesno.invalid"));
    }

    private PromptRecognition RecognizeMultiChoice(PromptSpec spec, TurnInput input)
    {
        List<PromptChoice?> picked;
        if (input.IsCardSubmit)
        {
            var raw = input.ValueString(PromptFields.Choices, MaxRawLength) ?? "";
            picked = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => FindByValue(spec.Choices, v)).ToList();
        }
        else
        {
            var normalized = " " + TextMatching.Normalize(input.Text) + " ";
            var parts = normalized.Replace(" en ", ",", StringComparison.Ordinal).Replace(" and ", ",", StringComparison.Ordinal)
                .Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            picked = parts.Select(p => FindTyped(spec.Choices, p)).ToList();
        }

        if (picked.Any(p => p is null))
        {
            return PromptRecognition.Reject(T("prompt.choice.invalid", ListTitles(spec.Choices)));
        }

        var values = picked.Select(p => p!.Value).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count < Math.Max(1, spec.MinSelections))
        {
            return PromptRecognition.Reject(T("prompt.multichoice.tooFew", Math.Max(1, spec.MinSelections)));
        }

        // Keep the order in which the options were offered, so answers read the same however they were typed.
        var ordered = spec.Choices.Select(c => c.Value).Where(values.Contains);
        return PromptRecognition.Accept(new JArray(ordered));
    }

    private PromptRecognition RecognizeText(PromptSpec spec, TurnInput input)
    {
        var raw = input.IsCardSubmit ? input.ValueString(PromptFields.Text, MaxRawLength) : input.Text;
        if (raw is null && input.IsCardSubmit && input.Value?[PromptFields.Text] is { } token && token.Type != JTokenType.Null)
        {
            return PromptRecognition.Reject(T("validation.tooLong", spec.MaxLength));
        }

        var (ok, value, problem) = CheckText(raw ?? "", spec.Optional, spec.MaxLength, spec.Validator);
        return ok ? PromptRecognition.Accept(value!) : PromptRecognition.Reject(problem!);
    }

    private PromptRecognition RecognizeForm(PromptSpec spec, TurnInput input)
    {
        if (!input.IsCardSubmit)
        {
            return PromptRecognition.Reject(T("prompt.form.useCard", spec.SubmitTitle));
        }

        var retry = JsonConvert.DeserializeObject<PromptSpec>(JsonConvert.SerializeObject(spec))!;
        var answer = new JObject();
        var anyError = false;
        foreach (var field in retry.Fields)
        {
            var token = input.Value![field.Id];
            var raw = input.ValueString(field.Id, MaxRawLength);
            field.Value = raw is { Length: <= 2_000 } ? raw : null;
            field.Error = null;
            if (token is JContainer)
            {
                // A list or object where one value belongs: crafted or broken submit data, answered like a wrong value.
                field.Error = WrongValue(field);
            }
            else if (raw is null && token is not null && token.Type != JTokenType.Null)
            {
                field.Error = T("validation.tooLong", field.MaxLength);
            }
            else
            {
                var (ok, value, problem) = CheckField(field, raw ?? "");
                if (ok)
                {
                    if (value is not null)
                    {
                        answer[field.Id] = value;
                    }
                }
                else
                {
                    field.Error = problem;
                }
            }

            anyError |= field.Error is not null;
        }

        return anyError ? PromptRecognition.Reject(T("prompt.form.invalid"), retry) : PromptRecognition.Accept(answer);
    }

    private string WrongValue(FormField field) => field.Kind switch
    {
        FormFieldKind.Number => T("validation.number"),
        FormFieldKind.Text => T("validation.text"),
        _ => T("validation.choice"),
    };

    private (bool Ok, JToken? Value, string? Problem) CheckField(FormField field, string raw)
    {
        raw = raw.Trim();
        if (raw.Length == 0)
        {
            if (field.Required && field.Kind != FormFieldKind.Toggle)
            {
                return (false, null, T("validation.required"));
            }

            // An empty optional text is an answer ("nothing to add"); other empty optional inputs are simply absent.
            return field.Kind == FormFieldKind.Text ? (true, "", null) : (true, null, null);
        }

        switch (field.Kind)
        {
            case FormFieldKind.Text:
                var text = CheckText(raw, !field.Required, field.MaxLength, field.Validator);
                return (text.Ok, text.Value, text.Problem);
            case FormFieldKind.Number:
                if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    return (false, null, T("validation.number"));
                }

                if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
                {
                    return (false, null, T("validation.numberRange", field.Min, field.Max));
                }

                return (true, number, null);
            case FormFieldKind.Choice:
                var choice = FindByValue(field.Choices, raw);
                return choice is null ? (false, null, T("validation.choice")) : (true, choice.Value, null);
            case FormFieldKind.MultiChoice:
                var picked = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => FindByValue(field.Choices, v)).ToList();
                return picked.Any(p => p is null)
                    ? (false, null, T("validation.choice"))
                    : (true, new JArray(field.Choices.Select(c => c.Value).Where(v => picked.Any(p => p!.Value == v))), null);
            case FormFieldKind.Toggle:
                return raw is "true" or "false" ? (true, raw == "true", null) : (false, null, T("validation.choice"));
            default:
                throw new InvalidOperationException($"Unknown field kind {field.Kind}.");
        }
    }

    private (bool Ok, JToken? Value, string? Problem) CheckText(string raw, bool optional, int maxLength, string? validator)
    {
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return optional ? (true, "", null) : (false, null, T("validation.required"));
        }

        if (text.Length > maxLength)
        {
            return (false, null, T("validation.tooLong", maxLength));
        }

        var outcome = Validators.Validate(validator, text);
        return outcome.IsValid ? (true, outcome.Value, null) : (false, null, T(outcome.ErrorKey!));
    }

    private static PromptChoice? FindByValue(IEnumerable<PromptChoice> choices, string? value) =>
        value is null ? null : choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal));

    /// <summary>Typed answers: the title, the value or a synonym (case and accents ignored), or the option's number.</summary>
    private static PromptChoice? FindTyped(IReadOnlyList<PromptChoice> choices, string typed)
    {
        var normalized = TextMatching.Normalize(typed);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && index <= choices.Count)
        {
            return choices[index - 1];
        }

        return choices.FirstOrDefault(c => TextMatching.Normalize(c.Title) == normalized)
            ?? choices.FirstOrDefault(c => TextMatching.Normalize(c.Value) == normalized)
            ?? choices.FirstOrDefault(c => c.Synonyms.Any(s => TextMatching.Normalize(s) == normalized));
    }

    private static string ListTitles(IEnumerable<PromptChoice> choices) => string.Join(", ", choices.Select(c => c.Title));
}
