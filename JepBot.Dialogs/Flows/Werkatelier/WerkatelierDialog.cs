using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Werkwijze;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using JepBot.Dialogs.Privacy;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Werkatelier;

/// <summary>
/// A municipality requests a werkatelier: the facts first, then a form, a review with "Versturen" and "Wijzigen",
/// and a confirmation with a reference. The request is stored before it is delivered to the advisors.
/// </summary>
public sealed class WerkatelierDialog : WaterfallDialog
{
    public const string DialogId = "werkatelier";

    private const string Request = "request";
    private const string Send = "send";
    private const string Change = "change";
    private const string Adjust = "adjust";
    private const string Several = "several";

    public WerkatelierDialog(HandoffContent content, HandoffSubmission submission, Localizer localizer)
        : base(DialogId)
    {
        HelpKey = "werkatelier.help";
        var facts = content.Werkatelier;
        AddStep("facts", (step, _) =>
        {
            var paragraphs = facts.Facts.Select(f => f.In(step.Language)).ToList();
            paragraphs.AddRange(Provenance(content, facts, localizer, step.Language));
            return Task.FromResult(step.Ask(new PromptSpec
            {
                Kind = PromptKind.Choice,
                Text = facts.Title.In(step.Language),
                Paragraphs = paragraphs,
                Choices = [new PromptChoice(Request, step.T("werkatelier.start"), "aanvragen", "ja"), new PromptChoice("later", step.T("werkatelier.notNow"), "nee", "later")],
            }));
        });
        AddStep("form", (step, _) =>
        {
            if (step.Input?.ToString() == "later")
            {
                return Task.FromResult(step.End());
            }

            var previous = step.Answers.TryGetValue("form", out var answer) ? answer as JObject : null;
            return Task.FromResult(step.AskForm(step.T("werkatelier.form"), Fields(step, facts, previous), step.T("werkatelier.toReview"), step.T("werkatelier.formDetail")));
        });
        AddStep("check", (step, _) =>
        {
            var form = (JObject)step.Input!;
            var participants = (int?)form["participants"] ?? 0;
            if (participants <= facts.MaxParticipants)
            {
                return Task.FromResult(step.Next(form));
            }

            var sessions = (participants + facts.MaxParticipants - 1) / facts.MaxParticipants;
            return Task.FromResult(step.AskChoice(
                step.T("werkatelier.tooMany", participants, facts.MaxParticipants, sessions),
                [new PromptChoice(Adjust, step.T("werkatelier.adjust")), new PromptChoice(Several, step.T("werkatelier.several", sessions))]));
        });
        AddStep("review", (step, _) =>
        {
            if (step.Input?.ToString() == Adjust)
            {
                return Task.FromResult(step.GoTo("form"));
            }

            var form = (JObject)step.Answers["form"];
            var lines = Summary(step, facts, form, IdentifierDetector.Default);
            return Task.FromResult(step.Ask(new PromptSpec
            {
                Kind = PromptKind.Choice,
                Text = step.T("werkatelier.review"),
                Paragraphs = lines,
                Choices = [new PromptChoice(Send, step.T("handoff.send"), "versturen", "verstuur"), new PromptChoice(Change, step.T("handoff.change"), "wijzigen", "aanpassen")],
                ButtonData = HandoffSubmission.KeyData(step),
            }));
        });
        AddStep("submit", async (step, cancellationToken) =>
        {
            if (step.Input?.ToString() == Change)
            {
                return step.GoTo("form");
            }

            var form = (JObject)step.Answers["form"].DeepClone();
            if (step.Answers.TryGetValue("check", out var several) && several.ToString() == Several)
            {
                form["sessions"] = ((int)form["participants"]! + facts.MaxParticipants - 1) / facts.MaxParticipants;
            }

            foreach (var field in new[] { "period", "remarks" }.Where(f => form[f] is JValue { Type: JTokenType.String }))
            {
                form[field] = IdentifierDetector.Default.Redact((string)form[field]!).Text;
            }

            var request = await submission.SubmitAsync(step, RequestKind.Werkatelier, form, null, cancellationToken).ConfigureAwait(false);
            await HandoffSubmission.ConfirmAsync(step, request, "werkatelier.confirmed", "werkatelier.next", cancellationToken).ConfigureAwait(false);
            return step.End();
        });
    }

    private static List<FormField> Fields(StepContext step, WerkatelierFacts facts, JObject? previous)
    {
        string? Value(string id) => previous?[id] switch
        {
            JArray array => string.Join(",", array.Select(v => v.ToString())),
            { } token => token.ToString(),
            null => null,
        };

        return
        [
            new() { Id = "municipality", Kind = FormFieldKind.Text, Label = step.T("werkatelier.municipality"), Required = true, MaxLength = 100, Value = Value("municipality") },
            new() { Id = "organisation", Kind = FormFieldKind.Text, Label = step.T("werkatelier.organisation"), MaxLength = 150, Value = Value("organisation") },
            new() { Id = "name", Kind = FormFieldKind.Text, Label = step.T("werkatelier.name"), Required = true, MaxLength = 100, Value = Value("name") },
            new() { Id = "email", Kind = FormFieldKind.Text, Label = step.T("werkatelier.email"), Required = true, Validator = "email", MaxLength = 200, Value = Value("email") },
            new() { Id = "phone", Kind = FormFieldKind.Text, Label = step.T("werkatelier.phone"), Validator = "phone-nl", MaxLength = 30, Value = Value("phone") },
            new() { Id = "period", Kind = FormFieldKind.Text, Label = step.T("werkatelier.period"), Placeholder = step.T("werkatelier.periodPlaceholder"), MaxLength = 100, Value = Value("period") },
            new() { Id = "participants", Kind = FormFieldKind.Number, Label = step.T("werkatelier.participants", facts.MaxParticipants), Required = true, Min = 1, Max = 500, Value = Value("participants") },
            new() { Id = "groups", Kind = FormFieldKind.MultiChoice, Label = step.T("werkatelier.groups"), Choices = facts.TargetGroups.Select(g => new PromptChoice(g.Id, g.Title.In(step.Language))).ToList(), Value = Value("groups") },
            new() { Id = "location", Kind = FormFieldKind.Choice, Label = step.T("werkatelier.location"), Required = true, Choices = [new("incompany", step.T("werkatelier.incompany")), new("chain", step.T("werkatelier.chain"))], Value = Value("location") },
            new() { Id = "remarks", Kind = FormFieldKind.Text, Label = step.T("werkatelier.remarks"), Multiline = true, MaxLength = 1000, Placeholder = step.T("handoff.noNames"), Value = Value("remarks") },
        ];
    }

    /// <summary>The review lines; free text shown as it will be sent, with identifiers already replaced.</summary>
    public static List<string> Summary(StepContext step, WerkatelierFacts facts, JObject form, IdentifierDetector detector)
    {
        string Text(string id) => form[id]?.ToString() is { Length: > 0 } value ? value : "–";
        var groups = form["groups"] is JArray chosen
            ? string.Join(", ", facts.TargetGroups.Where(g => chosen.Any(c => c.ToString() == g.Id)).Select(g => g.Title.In(step.Language)))
            : "–";
        var location = form["location"]?.ToString() == "chain" ? step.T("werkatelier.chain") : step.T("werkatelier.incompany");
        var remarks = detector.Redact(form["remarks"]?.ToString() ?? "");
        var period = detector.Redact(form["period"]?.ToString() ?? "");
        var lines = new List<string>
        {
            $"**{step.T("werkatelier.municipality")}:** {Text("municipality")}",
            $"**{step.T("werkatelier.organisation")}:** {Text("organisation")}",
            $"**{step.T("werkatelier.name")}:** {Text("name")}",
            $"**{step.T("werkatelier.email")}:** {Text("email")}",
            $"**{step.T("werkatelier.phone")}:** {Text("phone")}",
            $"**{step.T("werkatelier.period")}:** {(period.Text.Length > 0 ? period.Text : "–")}",
            $"**{step.T("werkatelier.participantsShort")}:** {Text("participants")}",
            $"**{step.T("werkatelier.groups")}:** {(groups.Length > 0 ? groups : "–")}",
            $"**{step.T("werkatelier.location")}:** {location}",
            $"**{step.T("werkatelier.remarks")}:** {(remarks.Text.Length > 0 ? remarks.Text : "–")}",
        };
        if (remarks.Changed || period.Changed)
        {
            lines.Add(step.T("handoff.redacted"));
        }

        return lines;
    }

    private static IEnumerable<string> Provenance(HandoffContent content, ISourced item, Localizer localizer, string language)
    {
        if (item.Uncertain)
        {
            yield return localizer.Get(language, "werkwijze.checkWithJurist");
        }

        var links = string.Join(" · ", item.Sources.Select(s => content.Sources[s]).Select(s => $"[{s.Title.In(language)}]({s.Url})"));
        var reviewed = DateOnly.ParseExact(item.Reviewed!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            .ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(language == Languages.English ? "en-GB" : "nl-NL"));
        yield return localizer.Get(language, "werkwijze.sources", links, reviewed);
    }
}
