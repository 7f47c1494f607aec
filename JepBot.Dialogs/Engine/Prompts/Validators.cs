using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace JepBot.Dialogs.Engine.Prompts;

/// <summary>Outcome of checking one typed value: the value to keep, or the resource key of the reason it was refused.</summary>
public readonly record struct ValidationOutcome(bool IsValid, string? Value, string? ErrorKey)
{
    public static ValidationOutcome Valid(string value) => new(true, value, null);

    public static ValidationOutcome Invalid(string errorKey) => new(false, null, errorKey);
}

/// <summary>
/// Named validators for text answers. Prompts refer to them by name because a prompt is stored as data
/// while the bot waits for its answer. Error keys are looked up in the language resources.
/// </summary>
public static partial class Validators
{
    private static readonly ConcurrentDictionary<string, Func<string, ValidationOutcome>> Registry = new(StringComparer.Ordinal)
    {
        ["email"] = ValidateEmail,
        ["phone-nl"] = ValidateDutchPhone,
    };

    /// <summary>Adds a validator; feature code registers its own at start-up.</summary>
    public static void Register(string name, Func<string, ValidationOutcome> validator) => Registry[name] = validator;

    public static bool Exists(string name) => Registry.ContainsKey(name);

    public static ValidationOutcome Validate(string? name, string value)
    {
        if (name is null)
        {
            return ValidationOutcome.Valid(value);
        }

        // An unknown name is a programming error that must not pass silently: it would let any input through.
        if (!Registry.TryGetValue(name, out var validator))
        {
            throw new InvalidOperationException($"Unknown validator '{name}'.");
        }

        return validator(value);
    }

    private static ValidationOutcome ValidateEmail(string value)
    {
        var trimmed = value.Trim();
        return EmailPattern().IsMatch(trimmed) ? ValidationOutcome.Valid(trimmed) : ValidationOutcome.Invalid("validation.email");
    }

    /// <summary>Dutch numbers: 10 digits starting with 0 (e.g. 06-12345678, 020 123 4567) or +31/0031 followed by 9 digits.</summary>
    private static ValidationOutcome ValidateDutchPhone(string value)
    {
        var compact = PhoneSeparators().Replace(value.Trim(), "");
        if (compact.StartsWith("+31", StringComparison.Ordinal))
        {
            compact = "0" + compact[3..];
        }
        else if (compact.StartsWith("0031", StringComparison.Ordinal))
        {
            compact = "0" + compact[4..];
        }

        return DutchPhonePattern().IsMatch(compact) ? ValidationOutcome.Valid(compact) : ValidationOutcome.Invalid("validation.phone");
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^0[1-9][0-9]{8}$")]
    private static partial Regex DutchPhonePattern();
}
