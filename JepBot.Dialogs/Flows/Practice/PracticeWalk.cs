using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Practice;

/// <summary>
/// What a professional did in a practice walk through the Werkwijze: the content steps in the order they were
/// visited (after "back", only those still on the path), the option ids chosen, and whether the walk stopped at an
/// exit. The Werkwijze hands it to the practice dialog as its result. It holds step and option ids only: the
/// professional's own words are never an answer (that question is transient).
/// </summary>
public sealed record PracticeWalk(IReadOnlyList<string> Path, IReadOnlyDictionary<string, JToken> Answers, bool Exited)
{
    /// <summary>Waterfall steps whose name ends in this only route (the Werkwijze's "<c>id&gt;</c>" steps).</summary>
    private const string RouteSuffix = ">";

    public static PracticeWalk From(IEnumerable<string> visitedSteps, IReadOnlyDictionary<string, JToken> answers, bool exited) =>
        new([.. visitedSteps.Where(s => !s.EndsWith(RouteSuffix, StringComparison.Ordinal))], answers.ToDictionary(a => a.Key, a => a.Value.DeepClone(), StringComparer.Ordinal), exited);

    /// <summary>The option ids chosen at a step: one for a choice, any number for a checklist, none when not answered.</summary>
    public IReadOnlyList<string> Chosen(string step) => Answers.GetValueOrDefault(step) switch
    {
        JValue { Type: JTokenType.String } value => [(string)value!],
        JArray array => [.. array.Where(t => t.Type == JTokenType.String).Select(t => (string)t!)],
        _ => [],
    };

    public JObject ToJson() => new()
    {
        ["path"] = new JArray(Path),
        ["answers"] = new JObject(Answers.Select(a => new JProperty(a.Key, a.Value.DeepClone()))),
        ["exited"] = Exited,
    };

    /// <summary>Reads a walk back from stored state; null when it is not one.</summary>
    public static PracticeWalk? FromJson(JToken? token) =>
        token is JObject { } o && o["path"] is JArray path && o["answers"] is JObject answers
            ? new PracticeWalk(
                [.. path.Where(t => t.Type == JTokenType.String).Select(t => (string)t!)],
                answers.Properties().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
                o["exited"]?.Type == JTokenType.Boolean && (bool)o["exited"]!)
            : null;
}
