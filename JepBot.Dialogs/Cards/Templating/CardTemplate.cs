using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards.Templating;

/// <summary>
/// An Adaptive Card template (Adaptive Cards Templating language, the subset in <see cref="TemplateExpression"/>)
/// bound in C#: <c>${…}</c> in strings, <c>$data</c> to repeat an element per array item or to change scope, and
/// <c>$when</c> to drop an element. A string that is exactly one <c>${…}</c> keeps the value's JSON type.
/// Every expression is parsed when the template is loaded, so an unsupported feature fails at start-up.
/// A differential test proves the output equals Microsoft's own adaptivecards-templating for every template.
/// </summary>
public sealed partial class CardTemplate
{
    private readonly JObject _template;
    private readonly Dictionary<string, TemplateExpression> _expressions = new(StringComparer.Ordinal);

    public CardTemplate(string name, JObject template)
    {
        Name = name;
        _template = template;
        Compile(template);
    }

    public string Name { get; }

    public JObject Template => (JObject)_template.DeepClone();

    public JObject Expand(JToken data)
    {
        var scope = new TemplateScope(data, data, null);
        try
        {
            return (JObject)ExpandToken(_template, scope)!;
        }
        catch (TemplateException exception)
        {
            throw new TemplateException($"Card template '{Name}': {exception.Message}");
        }
    }

    private void Compile(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    Compile(property.Value);
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    Compile(item);
                }

                break;
            case JValue { Type: JTokenType.String } value:
                foreach (Match match in Expression().Matches((string)value!))
                {
                    var text = match.Groups[1].Value;
                    try
                    {
                        _expressions.TryAdd(text, TemplateExpression.Parse(text));
                    }
                    catch (TemplateException exception)
                    {
                        throw new TemplateException($"Card template '{Name}': {exception.Message}");
                    }
                }

                if (((string)value!).Contains("${", StringComparison.Ordinal) && !Expression().IsMatch((string)value!))
                {
                    throw new TemplateException($"Card template '{Name}': '{value}' has an unclosed ${{.");
                }

                break;
        }
    }

    /// <summary>Expands one token; null means "leave it out" ($when false).</summary>
    private JToken? ExpandToken(JToken token, TemplateScope scope)
    {
        switch (token)
        {
            case JObject obj:
                if (obj["$when"] is { } when && !TemplateExpression.Truth(Bind(when, scope)))
                {
                    return null;
                }

                var result = new JObject();
                foreach (var property in obj.Properties().Where(p => p.Name is not ("$when" or "$data")))
                {
                    if (ExpandProperty(property.Value, scope) is { } value)
                    {
                        result[property.Name] = value;
                    }
                }

                return result;
            case JArray array:
                var items = new JArray();
                foreach (var item in array)
                {
                    foreach (var expanded in ExpandItem(item, scope))
                    {
                        items.Add(expanded);
                    }
                }

                return items;
            case JValue { Type: JTokenType.String }:
                return Bind(token, scope);
            default:
                return token.DeepClone();
        }
    }

    private JToken? ExpandProperty(JToken value, TemplateScope scope)
    {
        if (value is JObject { } obj && obj["$data"] is { } data)
        {
            var bound = Bind(data, scope);
            if (bound is JArray)
            {
                throw new TemplateException("'$data' with an array is only supported on elements inside an array.");
            }

            return ExpandToken(obj, scope with { Data = bound, Index = null });
        }

        return ExpandToken(value, scope);
    }

    /// <summary>An array element: with "$data" over an array it becomes one element per item.</summary>
    private IEnumerable<JToken> ExpandItem(JToken item, TemplateScope scope)
    {
        if (item is JObject obj && obj["$data"] is { } data)
        {
            var bound = Bind(data, scope);
            if (bound is JArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (ExpandToken(obj, scope with { Data = array[i], Index = i }) is { } expanded)
                    {
                        yield return expanded;
                    }
                }

                yield break;
            }

            if (ExpandToken(obj, scope with { Data = bound, Index = null }) is { } single)
            {
                yield return single;
            }

            yield break;
        }

        if (ExpandToken(item, scope) is { } plain)
        {
            yield return plain;
        }
    }

    private JToken Bind(JToken token, TemplateScope scope)
    {
        if (token is not JValue { Type: JTokenType.String } value)
        {
            return token.DeepClone();
        }

        var text = (string)value!;
        var matches = Expression().Matches(text);
        if (matches.Count == 0)
        {
            return token.DeepClone();
        }

        // Exactly one expression and nothing else: the value keeps its type (true, 3, an object, an array).
        if (matches.Count == 1 && matches[0].Index == 0 && matches[0].Length == text.Length)
        {
            return _expressions[matches[0].Groups[1].Value].Evaluate(scope).DeepClone();
        }

        return Expression().Replace(text, match => AsText(_expressions[match.Groups[1].Value].Evaluate(scope)));
    }

    private static string AsText(JToken value) => value.Type switch
    {
        JTokenType.String => (string)value!,
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.Null => throw new TemplateException("A null value cannot be part of a text (the official engine fails on it too)."),
        JTokenType.Object or JTokenType.Array => value.ToString(Newtonsoft.Json.Formatting.None),
        _ => Convert.ToString(((JValue)value).Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [GeneratedRegex(@"\$\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
