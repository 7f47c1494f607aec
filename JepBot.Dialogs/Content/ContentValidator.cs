using System.Globalization;
using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Content;

/// <summary>
/// Checks a <see cref="WerkwijzeContent"/> as a jurist's edit could break it: every rule has a source and a review
/// date, every text has every language, every route leads to an existing step, every step can be reached and every
/// path ends (at the record or an exit). Returns the problems in plain words; none means the content is usable.
/// </summary>
public static class ContentValidator
{
    public static IReadOnlyList<string> Validate(WerkwijzeContent content)
    {
        var problems = new List<string>();
        if (content.Steps.Count == 0)
        {
            problems.Add("There are no steps.");
            return problems;
        }

        foreach (var (id, source) in content.Sources)
        {
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"Source '{id}' has no valid http(s) URL.");
            }

            CheckText(problems, $"source '{id}' title", source.Title);
        }

        foreach (var (id, contact) in content.Contacts)
        {
            CheckSourced(problems, content, $"contact '{id}'", contact);
            CheckText(problems, $"contact '{id}' name", contact.Name);
            CheckText(problems, $"contact '{id}' when", contact.When);
        }

        foreach (var (id, frame) in content.Frames)
        {
            CheckSourced(problems, content, $"legal frame '{id}'", frame);
            CheckText(problems, $"legal frame '{id}' title", frame.Title);
            CheckText(problems, $"legal frame '{id}' secrecy", frame.Secrecy);
            CheckText(problems, $"legal frame '{id}' basis", frame.Basis);
            CheckText(problems, $"legal frame '{id}' withoutConsent", frame.WithoutConsent);
            CheckText(problems, $"legal frame '{id}' particulars", frame.Particulars);
        }

        foreach (var (id, band) in content.AgeBands)
        {
            CheckSourced(problems, content, $"age band '{id}'", band);
            CheckText(problems, $"age band '{id}' consent", band.Consent);
        }

        foreach (var language in Languages.All)
        {
            if (!content.JudgementWords.TryGetValue(language, out var words) || words.Count == 0)
            {
                problems.Add($"There are no judgement words for language '{language}'.");
            }
        }

        CheckText(problems, "record title", content.Record.Title);
        CheckText(problems, "record intro", content.Record.Intro);
        CheckText(problems, "record footer", content.Record.Footer);
        var recordFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in content.Record.Fields)
        {
            if (!recordFields.Add(field.Id))
            {
                problems.Add($"Record field '{field.Id}' appears twice.");
            }

            CheckText(problems, $"record field '{field.Id}' label", field.Label);
        }

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in content.Steps)
        {
            if (!stepIds.Add(step.Id))
            {
                problems.Add($"Step id '{step.Id}' appears twice.");
            }
        }

        foreach (var step in content.Steps)
        {
            CheckStep(problems, content, step, stepIds, recordFields);
        }

        CheckRoutes(problems, content);
        if (content.Steps.Count(s => s.Kind == StepKinds.Record) != 1)
        {
            problems.Add("There must be exactly one step of kind 'record'.");
        }

        return problems;
    }

    private static void CheckStep(List<string> problems, WerkwijzeContent content, ContentStep step, HashSet<string> stepIds, HashSet<string> recordFields)
    {
        var name = $"step '{step.Id}'";
        if (!StepKinds.All.Contains(step.Kind))
        {
            problems.Add($"{name} has unknown kind '{step.Kind}'.");
        }

        CheckSourced(problems, content, name, step);
        CheckText(problems, $"{name} title", step.Title);
        for (var i = 0; i < step.Body.Count; i++)
        {
            CheckText(problems, $"{name} body paragraph {i + 1}", step.Body[i]);
        }

        foreach (var insert in step.Insert.Where(i => i is not ("consentRule" or "legalFrame")))
        {
            problems.Add($"{name} inserts unknown part '{insert}'.");
        }

        foreach (var contact in step.Contacts.Where(c => !content.Contacts.ContainsKey(c)))
        {
            problems.Add($"{name} shows contact '{contact}', which does not exist.");
        }

        var needsOptions = step.Kind is StepKinds.Choice or StepKinds.Info or StepKinds.Multi;
        if (needsOptions && step.Options.Count == 0)
        {
            problems.Add($"{name} has no options.");
        }

        if (step.Kind is StepKinds.Multi or StepKinds.Text && string.IsNullOrEmpty(step.Next))
        {
            problems.Add($"{name} has no next step.");
        }

        if (step.Kind is StepKinds.Choice or StepKinds.Info)
        {
            foreach (var option in step.Options.Where(o => string.IsNullOrEmpty(o.Next)))
            {
                problems.Add($"{name} option '{option.Id}' has no next step.");
            }
        }

        if (step.Kind == StepKinds.Record && (step.Options.Count > 0 || step.Next is not null))
        {
            problems.Add($"{name} is the record: it ends the conversation and has no options or next step.");
        }

        var optionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in step.Options)
        {
            if (string.IsNullOrWhiteSpace(option.Id) || !optionIds.Add(option.Id))
            {
                problems.Add($"{name} has an empty or repeated option id '{option.Id}'.");
            }

            CheckText(problems, $"{name} option '{option.Id}' title", option.Title);
            if (option.Frame is not null && !content.Frames.ContainsKey(option.Frame))
            {
                problems.Add($"{name} option '{option.Id}' points to legal frame '{option.Frame}', which does not exist.");
            }
        }

        foreach (var target in step.Targets.Where(t => t != ContentStep.Exit && !stepIds.Contains(t)))
        {
            problems.Add($"{name} leads to step '{target}', which does not exist.");
        }

        if (step.Record is not null && !recordFields.Contains(step.Record))
        {
            problems.Add($"{name} records into field '{step.Record}', which the record does not have.");
        }

        foreach (var (field, text) in step.Sets)
        {
            if (!recordFields.Contains(field))
            {
                problems.Add($"{name} sets record field '{field}', which the record does not have.");
            }

            CheckText(problems, $"{name} sets '{field}'", text);
        }

        if (step.Kind == StepKinds.Multi && (step.MinSelections < 1 || step.MinSelections > step.Options.Count))
        {
            problems.Add($"{name} asks for at least {step.MinSelections} choices out of {step.Options.Count}.");
        }
    }

    /// <summary>Every step reachable from the first, and from every step some path to the record or an exit.</summary>
    private static void CheckRoutes(List<string> problems, WerkwijzeContent content)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([content.FirstStep.Id]);
        while (queue.TryDequeue(out var id))
        {
            if (!reachable.Add(id) || content.FindStep(id) is not { } step)
            {
                continue;
            }

            foreach (var target in step.Targets.Where(t => t != ContentStep.Exit))
            {
                queue.Enqueue(target);
            }
        }

        foreach (var step in content.Steps.Where(s => !reachable.Contains(s.Id)))
        {
            problems.Add($"Step '{step.Id}' cannot be reached from '{content.FirstStep.Id}'.");
        }

        // Steps that can end: the record, and steps with a route to an exit or to a step that can end (fixpoint).
        var canEnd = new HashSet<string>(content.Steps.Where(s => s.Kind == StepKinds.Record).Select(s => s.Id), StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var step in content.Steps.Where(s => !canEnd.Contains(s.Id)))
            {
                if (step.Targets.Any(t => t == ContentStep.Exit || canEnd.Contains(t)))
                {
                    changed |= canEnd.Add(step.Id);
                }
            }
        }
        while (changed);

        foreach (var step in content.Steps.Where(s => !canEnd.Contains(s.Id)))
        {
            problems.Add($"From step '{step.Id}' no path leads to the record or an exit.");
        }
    }

    private static void CheckSourced(List<string> problems, WerkwijzeContent content, string name, ISourced item)
    {
        if (item.Sources.Count == 0)
        {
            problems.Add($"{name} has no source.");
        }

        foreach (var source in item.Sources.Where(s => !content.Sources.ContainsKey(s)))
        {
            problems.Add($"{name} cites source '{source}', which does not exist.");
        }

        if (!DateOnly.TryParseExact(item.Reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"{name} has no review date (yyyy-MM-dd).");
        }
    }

    private static void CheckText(List<string> problems, string name, LocalizedText? text)
    {
        foreach (var language in Languages.All)
        {
            if (text is null || !text.TryGetValue(language, out var value) || string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"The {name} has no text in language '{language}'.");
            }
        }
    }
}
