using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine;

/// <summary>
/// What the user did this turn, reduced to what the engine needs: typed text, or the data of a card button
/// with the ticket saying which dialog run and step the card belonged to.
/// Card data is untrusted: it is read defensively and never trusted to name a dialog or step to jump to.
/// </summary>
public sealed class TurnInput
{
    /// <summary>The property of card data that carries the ticket (and, for command buttons, the command).</summary>
    public const string TicketProperty = "jep";

    private const int MaxTicketPartLength = 100;

    public string Text { get; init; } = "";

    public JObject? Value { get; init; }

    /// <summary>Dialog run id the card belonged to; null for typed text or a card without ticket.</summary>
    public string? TicketInstance { get; init; }

    public string? TicketStep { get; init; }

    /// <summary>A command carried by a card button ("back", "menu", …), if any.</summary>
    public string? CardCommand { get; init; }

    public bool IsCardSubmit => Value is not null;

    public bool HasTicket => TicketInstance is not null;

    public static TurnInput From(string? text, object? value)
    {
        var data = value switch
        {
            JObject o => o,
            string s when s.TrimStart().StartsWith('{') => TryParse(s),
            _ => null,
        };

        var ticket = data?[TicketProperty] as JObject;
        return new TurnInput
        {
            Text = (text ?? "").Trim(),
            Value = data,
            TicketInstance = ReadShortString(ticket, "d"),
            TicketStep = ReadShortString(ticket, "s"),
            CardCommand = ReadShortString(ticket, "c"),
        };
    }

    /// <summary>A string field of the submitted data, or null when absent, not a string, or too long to be a real answer.</summary>
    public string? ValueString(string name, int maxLength)
    {
        var token = Value?[name];
        if (token is null || token.Type is not (JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean))
        {
            return null;
        }

        var s = token.Type == JTokenType.Boolean ? (token.Value<bool>() ? "true" : "false") : token.ToString();
        return s.Length > maxLength ? null : s;
    }

    private static string? ReadShortString(JObject? o, string name) =>
        o?[name] is JValue { Type: JTokenType.String } v && v.Value<string>() is { Length: > 0 and <= MaxTicketPartLength } s ? s : null;

    private static JObject? TryParse(string s)
    {
        try
        {
            return JObject.Parse(s);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
