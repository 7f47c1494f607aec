using System.Text.RegularExpressions;
using JepBot.Dialogs.Localization;
using JepBot.Dialogs.Privacy;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Content;

/// <summary>
/// Loads <c>practice-cases.json</c> and checks it against the Werkwijze and the legal frames as they are now: every
/// model answer must be a real option of a real step, the model answers must walk the Werkwijze's own routes to the
/// case's outcome, and no case may contain anything that identifies a person. A content change in werkwijze.json that
/// breaks a case (a renamed option, a new question on the path) is caught here, not by a professional mid-practice.
/// </summary>
public static partial class PracticeCasesValidator
{
    /// <summary>Fewer cases give too little variety across professions, ages and outcomes.</summary>
    public const int MinimumCases = 12;

    /// <summary>Legal frames are offered as buttons next to "another case" and "menu"; more would not fit on the card.</summary>
    public const int MaxLegalFrames = 3;

    /// <summary>A teaser fits a small card in a channel.</summary>
    public const int MaxTeaserLength = 280;

    /// <summary>The Werkwijze steps whose options a case's <see cref="PracticeCase.Profession"/> and <see cref="PracticeCase.Age"/> name.</summary>
    public const string ProfessionStep = "profession";

    public const string AgeStep = "age";

    /// <summary>There is no reporting point or duty for radicalisation (docs/content.md): cases must not suggest one.</summary>
    private static readonly string[] ReportingWords = ["meldpunt", "meld- en", "meldplicht", "een melding", "melding doen", "reporting point", "duty to report"];

    private const string ResourceName = "JepBot.Dialogs.Content.practice-cases.json";

    private static readonly Lazy<PracticeCasesContent> Embedded =
        new(() => Load(ReadEmbedded(), WerkwijzeContentLoader.Default, LegalFramesValidator.Default));

    /// <summary>The cases shipped with this build, checked against the shipped Werkwijze and legal frames.</summary>
    public static PracticeCasesContent Default => Embedded.Value;

    public static string ReadEmbedded()
    {
        using var stream = typeof(PracticeCasesValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses; unknown properties are errors, so a misspelt field name is caught too.</summary>
    public static PracticeCasesContent Parse(string json) =>
        JsonConvert.DeserializeObject<PracticeCasesContent>(json, new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Error,
            TypeNameHandling = TypeNameHandling.None,
        }) ?? throw new InvalidDataException("practice-cases.json is empty.");

    public static PracticeCasesContent Load(string json, WerkwijzeContent werkwijze, LegalFramesContent legalFrames)
    {
        var content = Parse(json);
        var problems = Validate(content, werkwijze, legalFrames);
        return problems.Count == 0 ? content : throw new InvalidDataException("practice-cases.json is not valid:\n- " + string.Join("\n- ", problems));
    }

    public static IReadOnlyList<string> Validate(PracticeCasesContent content, WerkwijzeContent werkwijze, LegalFramesContent legalFrames)
    {
        var problems = new List<string>();
        if (content.Cases.Count < MinimumCases)
        {
            problems.Add($"There are {content.Cases.Count} cases; at least {MinimumCases} are needed.");
        }

        foreach (var duplicate in content.Cases.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"The case id '{duplicate.Key}' appears twice.");
        }

        foreach (var practiceCase in content.Cases)
        {
            CheckCase(problems, practiceCase, werkwijze, legalFrames);
        }

        foreach (var theme in PracticeThemes.All.Where(t => content.Cases.All(c => !c.Themes.Contains(t.Id))))
        {
            problems.Add($"No case covers the theme '{theme.Id}'.");
        }

        return problems;
    }

    private static void CheckCase(List<string> problems, PracticeCase practiceCase, WerkwijzeContent werkwijze, LegalFramesContent legalFrames)
    {
        var name = $"case '{practiceCase.Id}'";
        if (!KebabCase().IsMatch(practiceCase.Id))
        {
            problems.Add($"{name}: the id must be kebab-case (lower-case letters and digits joined by '-').");
        }

        foreach (var (textName, text) in practiceCase.Texts)
        {
            CheckText(problems, name, textName, text);
        }

        foreach (var (language, teaser) in practiceCase.Teaser.Where(t => t.Value.Length > MaxTeaserLength))
        {
            problems.Add($"{name}: the teaser in '{language}' is longer than {MaxTeaserLength} characters.");
        }

        CheckOption(problems, name, werkwijze, ProfessionStep, practiceCase.Profession);
        CheckOption(problems, name, werkwijze, AgeStep, practiceCase.Age);

        if (practiceCase.Outcome != ContentStep.Exit)
        {
            if (werkwijze.FindStep(practiceCase.Outcome) is not { } outcome)
            {
                problems.Add($"{name}: the outcome '{practiceCase.Outcome}' is not a Werkwijze step.");
            }
            else if (!PracticeModelPath.IsOutcome(outcome))
            {
                problems.Add($"{name}: the outcome '{practiceCase.Outcome}' is not an outcome step (an info step that sets the decision) or 'exit'.");
            }
        }

        if (practiceCase.LegalFrames.Count is 0 or > MaxLegalFrames)
        {
            problems.Add($"{name}: give 1 to {MaxLegalFrames} legal frames, not {practiceCase.LegalFrames.Count}.");
        }

        foreach (var frame in practiceCase.LegalFrames.Where(f => legalFrames.Find(f) is null))
        {
            problems.Add($"{name}: the legal frame '{frame}' does not exist in legal-frames.json.");
        }

        CheckModelAnswers(problems, name, practiceCase, werkwijze);
        var path = PracticeModelPath.Walk(werkwijze, practiceCase);
        if (path.Problem is not null)
        {
            problems.Add($"{name}: {path.Problem}.");
        }
        else
        {
            foreach (var step in practiceCase.Model.Keys.Where(s => !path.Steps.Contains(s) || (s == path.OutcomeStep && practiceCase.Outcome != ContentStep.Exit)))
            {
                problems.Add($"{name}: the model answers step '{step}', which is not a decision on its path to '{practiceCase.Outcome}'.");
            }
        }

        foreach (var (step, field) in new[] { (ProfessionStep, practiceCase.Profession), (AgeStep, practiceCase.Age) })
        {
            if (practiceCase.Model.TryGetValue(step, out var answer) && !answer.Options.SequenceEqual([field]))
            {
                problems.Add($"{name}: the model answer of step '{step}' differs from the case's {step} '{field}'.");
            }
        }

        CheckThemes(problems, name, practiceCase, path);
        CheckPrivacy(problems, name, practiceCase);
    }

    private static void CheckModelAnswers(List<string> problems, string name, PracticeCase practiceCase, WerkwijzeContent werkwijze)
    {
        foreach (var (stepId, answer) in practiceCase.Model)
        {
            if (werkwijze.FindStep(stepId) is not { } step)
            {
                problems.Add($"{name}: the model answers step '{stepId}', which does not exist.");
                continue;
            }

            if (!PracticeModelPath.IsDecision(step))
            {
                problems.Add($"{name}: step '{stepId}' asks no decision, so it cannot have a model answer.");
                continue;
            }

            var multi = step.Kind == StepKinds.Multi;
            if (multi ? answer.Answer is not JArray || answer.Options.Count == 0 : answer.Answer is not JValue || answer.Options.Count != 1)
            {
                problems.Add($"{name}: the model answer of step '{stepId}' must be {(multi ? "a list of option ids" : "one option id")}.");
                continue;
            }

            foreach (var option in answer.Options.Where(o => step.Options.All(s => s.Id != o)))
            {
                problems.Add($"{name}: the model answer of step '{stepId}' names option '{option}', which the step does not have.");
            }

            if (answer.Options.Distinct(StringComparer.Ordinal).Count() != answer.Options.Count)
            {
                problems.Add($"{name}: the model answer of step '{stepId}' names an option twice.");
            }

            if (multi && answer.Options.Count < step.MinSelections)
            {
                problems.Add($"{name}: the model answer of step '{stepId}' names fewer than {step.MinSelections} options.");
            }
        }
    }

    private static void CheckOption(List<string> problems, string name, WerkwijzeContent werkwijze, string stepId, string optionId)
    {
        if (werkwijze.FindStep(stepId)?.Options.Any(o => o.Id == optionId) != true)
        {
            problems.Add($"{name}: '{optionId}' is not an option of the Werkwijze step '{stepId}'.");
        }
    }

    private static void CheckThemes(List<string> problems, string name, PracticeCase practiceCase, PracticeModelPath path)
    {
        foreach (var themeId in practiceCase.Themes)
        {
            if (PracticeThemes.All.FirstOrDefault(t => t.Id == themeId) is not { } theme)
            {
                problems.Add($"{name}: the theme '{themeId}' is unknown.");
                continue;
            }

            if (theme.Visits is not null && !path.Steps.Contains(theme.Visits))
            {
                problems.Add($"{name}: it claims the theme '{themeId}', but its model path does not pass step '{theme.Visits}'.");
            }

            foreach (var (step, option) in theme.Answers.Where(a => practiceCase.Model.GetValueOrDefault(a.Step)?.Options.Contains(a.Option) != true))
            {
                problems.Add($"{name}: it claims the theme '{themeId}', but its model does not answer '{option}' at step '{step}'.");
            }
        }
    }

    /// <summary>A case is fiction about nobody: the identifier detector must find nothing, in any language.</summary>
    private static void CheckPrivacy(List<string> problems, string name, PracticeCase practiceCase)
    {
        foreach (var (textName, text) in practiceCase.Texts)
        {
            foreach (var (language, value) in text)
            {
                foreach (var found in IdentifierDetector.Default.Detect(value))
                {
                    problems.Add($"{name}: the {textName} in '{language}' contains what looks like {found.Kind} (\"{value.Substring(found.Start, found.Length)}\").");
                }

                foreach (var word in ReportingWords.Where(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{name}: the {textName} in '{language}' speaks of '{word}'; there is no reporting point or duty for radicalisation.");
                }
            }
        }
    }

    private static void CheckText(List<string> problems, string name, string textName, LocalizedText? text)
    {
        foreach (var language in Languages.All.Where(l => text is null || !text.TryGetValue(l, out var value) || string.IsNullOrWhiteSpace(value)))
        {
            problems.Add($"{name}: the {textName} has no text in language '{language}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
