using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards.Templating;

/// <summary>
/// One expression of the Adaptive Cards Templating language, in the subset JepBot's templates use:
/// property paths (<c>title</c>, <c>item.label</c>, <c>list[0]</c>, <c>$root.x</c>, <c>$data</c>, <c>$index</c>),
/// string/number/boolean/null literals, <c>==</c>, <c>!=</c>, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses.
/// Anything else (functions, arithmetic, other operators) is refused when the template is loaded.
/// </summary>
public abstract class TemplateExpression
{
    public abstract JToken Evaluate(TemplateScope scope);

    public static TemplateExpression Parse(string text) => new Parser(text).ParseAll();

    private sealed class Literal(JToken value) : TemplateExpression
    {
        public override JToken Evaluate(TemplateScope scope) => value;
    }

    private sealed class PathExpression(IReadOnlyList<object> parts, string text) : TemplateExpression
    {
        public override JToken Evaluate(TemplateScope scope)
        {
            var first = (string)parts[0];
            JToken? current = first switch
            {
                "$root" => scope.Root,
                "$data" => scope.Data,
                "$index" => scope.Index is { } index ? new JValue(index) : null,
                _ => scope.Data is JObject data ? data[first] : null,
            };
            foreach (var part in parts.Skip(1))
            {
                current = part switch
                {
                    string name when current is JObject obj => obj[name],
                    int position when current is JArray array && position < array.Count => array[position],
                    _ => null,
                };
            }

            return current ?? throw new TemplateException($"The data has no value for '${{{text}}}'.");
        }
    }

    private sealed class Not(TemplateExpression operand) : TemplateExpression
    {
        public override JToken Evaluate(TemplateScope scope) => !Truth(operand.Evaluate(scope));
    }

    private sealed class Binary(string op, TemplateExpression left, TemplateExpression right) : TemplateExpression
    {
        public override JToken Evaluate(TemplateScope scope) => op switch
        {
            "&&" => Truth(left.Evaluate(scope)) && Truth(right.Evaluate(scope)),
            "||" => Truth(left.Evaluate(scope)) || Truth(right.Evaluate(scope)),
            "==" => JToken.DeepEquals(Normalize(left.Evaluate(scope)), Normalize(right.Evaluate(scope))),
            "!=" => !JToken.DeepEquals(Normalize(left.Evaluate(scope)), Normalize(right.Evaluate(scope))),
            _ => throw new TemplateException($"Unknown operator '{op}'."),
        };

        private static JToken Normalize(JToken token) =>
            token.Type is JTokenType.Integer or JTokenType.Float ? new JValue(token.Value<double>()) : token;
    }

    /// <summary>Conditions must be booleans: the templates never rely on the "truthiness" of other values.</summary>
    public static bool Truth(JToken value) =>
        value.Type == JTokenType.Boolean ? value.Value<bool>() : throw new TemplateException($"Expected true or false, got {value.Type}.");

    private sealed class Parser(string text)
    {
        private int _position;

        public TemplateExpression ParseAll()
        {
            var expression = ParseOr();
            SkipSpace();
            if (_position < text.Length)
            {
                throw Unsupported($"unexpected '{text[_position..]}'");
            }

            return expression;
        }

        private TemplateExpression ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||"))
            {
                left = new Binary("||", left, ParseAnd());
            }

            return left;
        }

        private TemplateExpression ParseAnd()
        {
            var left = ParseUnary();
            while (Accept("&&"))
            {
                left = new Binary("&&", left, ParseUnary());
            }

            return left;
        }

        private TemplateExpression ParseUnary()
        {
            if (Accept("!") )
            {
                return new Not(ParseUnary());
            }

            var left = ParsePrimary();
            if (Accept("=="))
            {
                return new Binary("==", left, ParsePrimary());
            }

            if (Accept("!="))
            {
                return new Binary("!=", left, ParsePrimary());
            }

            return left;
        }

        private TemplateExpression ParsePrimary()
        {
            SkipSpace();
            if (_position >= text.Length)
            {
                throw Unsupported("it ends too early");
            }

            var c = text[_position];
            if (c == '(')
            {
                _position++;
                var inner = ParseOr();
                if (!Accept(")"))
                {
                    throw Unsupported("a ')' is missing");
                }

                return inner;
            }

            if (c == '\'')
            {
                var end = text.IndexOf('\'', _position + 1);
                if (end < 0)
                {
                    throw Unsupported("a string is not closed");
                }

                var literal = text[(_position + 1)..end];
                _position = end + 1;
                return new Literal(literal);
            }

            if (char.IsDigit(c))
            {
                var start = _position;
                while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '.'))
                {
                    _position++;
                }

                return new Literal(double.Parse(text[start.._position], CultureInfo.InvariantCulture));
            }

            if (char.IsLetter(c) || c is '$' or '_')
            {
                var name = ReadName();
                switch (name)
                {
                    case "true":
                        return new Literal(true);
                    case "false":
                        return new Literal(false);
                    case "null":
                        return new Literal(JValue.CreateNull());
                }

                SkipSpace();
                if (_position < text.Length && text[_position] == '(')
                {
                    throw Unsupported($"functions such as '{name}(…)' are not supported");
                }

                var parts = new List<object> { name };
                var path = new StringBuilder(name);
                while (_position < text.Length)
                {
                    if (text[_position] == '.')
                    {
                        _position++;
                        var member = ReadName();
                        parts.Add(member);
                        path.Append('.').Append(member);
                    }
                    else if (text[_position] == '[')
                    {
                        var end = text.IndexOf(']', _position);
                        if (end < 0 || !int.TryParse(text[(_position + 1)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                        {
                            throw Unsupported("only number indexes like [0] are supported");
                        }

                        parts.Add(index);
                        path.Append('[').Append(index).Append(']');
                        _position = end + 1;
                    }
                    else
                    {
                        break;
                    }
                }

                return new PathExpression(parts, path.ToString());
            }

            throw Unsupported($"'{c}' is not supported");
        }

        private string ReadName()
        {
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '$' or '_'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw Unsupported("a name is missing");
            }

            return text[start.._position];
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
            {
                return false;
            }

            // "!" must not swallow the first character of "!=".
            if (token == "!" && _position + 1 < text.Length && text[_position + 1] == '=')
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private TemplateException Unsupported(string why) => new($"Template expression '${{{text}}}' is not supported: {why}.");
    }
}

/// <summary>What an expression sees: the data of the current <c>$data</c> scope, the root data, the array index.</summary>
public sealed record TemplateScope(JToken Data, JToken Root, int? Index);

/// <summary>A template that cannot be loaded or data that does not fit it: always loud, never a half-bound card.</summary>
public sealed class TemplateException(string message) : Exception(message);
