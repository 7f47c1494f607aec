using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Privacy;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Advisor;

/// <summary>
/// A professional asks a JEP advisor to contact them: topic, urgency (acute goes to 112, never into a queue), how and
/// where to reach them, a short question (identifiers replaced, shown back for confirmation), optionally the decision
/// record of this conversation, a review, and a confirmation with a reference.
/// </summary>
public sealed class AdvisorContactDialog : WaterfallDialog
{
    public const string DialogId = "advisor";

    /// <summary>The note the Werkwijze leaves with the last decision record (plain text, no personal data).</summary>
    public const string DecisionRecordNote = "decisionRecord";

    private const string Acute = "acute";

    public AdvisorContactDialog(HandoffContent content, HandoffSubmission submission, WerkwijzeContent werkwijze, Localization.Localizer localizer)
        : base(DialogId)
    {
        HelpKey = "advisor.help";
        var facts = content.Advisor;
        AddStep("topic", (step, _) => Task.FromResult(step.Ask(new PromptSpec
        {
            Kind = PromptKind.Choice,
            Text = step.T("advisor.topic"),
            Paragraphs = facts.Intro.Select(i => i.In(step.Language)).ToList(),
            Choices = facts.Topics.Select(t => new PromptChoice(t.Id, t.Title.In(step.Language))).ToList(),
        })));
        AddStep("urgency", (step, _) => Task.FromResult(step.AskChoice(step.T("advisor.urgency"),
        [
            new PromptChoice(Acute, step.T("advisor.urgency.acute"), "acuut", "nu"),
            new PromptChoice("week", step.T("advisor.urgency.week"), "deze week"),
            new PromptChoice("normal", step.T("advisor.urgency.normal"), "geen haast"),
        ])));
        AddStep("contact", async (step, cancellationToken) =>
        {
            if (step.InputAs<string>() == Acute)
            {
                // Acute danger is never queued: the acute card, and the request is not made.
                var acute = werkwijze.FindStep(Werkwijze.AcuteDialog.ContentStepId)!;
                var paragraphs = new Werkwijze.ContentParagraphs(werkwijze, localizer, step.Language).ForStep(acute, new Dictionary<string, string>());
                paragraphs.Add(step.T("advisor.acuteNotQueued"));
                await step.SendCardAsync(InfoCard.Build(acute.Title.In(step.Language), paragraphs), acute.Title.In(step.Language), cancellationToken).ConfigureAwait(false);
                return step.End();
            }

            var previous = step.Answers.TryGetValue("contact", out var answer) ? answer as JObject : null;
            return step.AskForm(step.T("advisor.contact"), ContactFields(step, previous, step.Activity.From?.Name), step.T("prompt.submit"), step.T("advisor.contactDetail"));
        });
        AddStep("contactCheck", (step, _) =>
        {
            var form = (JObject)step.Input!;
            var way = form["way"]?.ToString();
            var missing = way switch
            {
                "phone" when string.IsNullOrWhiteSpace(form["phone"]?.ToString()) => "advisor.needPhone",
                "email" when string.IsNullOrWhiteSpace(form["email"]?.ToString()) => "advisor.needEmail",
                _ => null,
            };
            return Task.FromResult(missing is null
                ? step.Next()
                : step.AskChoice(step.T(missing), [new PromptChoice("fix", step.T("advisor.fix"))]));
        });
        AddStep("question", (step, _) =>
        {
            if (step.InputAs<string>() == "fix")
            {
                return Task.FromResult(step.GoTo("contact"));
            }

            // Transient: the raw question may hold a name or number; only the redacted text is ever kept.
            return Task.FromResult(step.Ask(new PromptSpec
            {
                Kind = PromptKind.Text,
                Text = step.T("advisor.question"),
                Detail = step.T("advisor.questionDetail"),
                Multiline = true,
                MaxLength = 1000,
                Placeholder = step.T("handoff.noNames"),
                Transient = true,
            }));
        });
        AddStep("redact", (step, _) =>
        {
            // The raw question reaches only this step; what is handed on (and stored) is the redacted text.
            var redaction = IdentifierDetector.Default.Redact(step.InputAs<string>() ?? "");
            return Task.FromResult(step.Next(new JObject { ["text"] = redaction.Text, ["changed"] = redaction.Changed }));
        });
        AddStep("confirmQuestion", (step, _) =>
        {
            var redacted = (JObject)step.Input!;
            var text = (bool)redacted["changed"]! ? step.T("advisor.redactedQuestion") : step.T("advisor.confirmQuestion");
            return Task.FromResult(step.Ask(new PromptSpec
            {
                Kind = PromptKind.Choice,
                Text = text,
                Paragraphs = [(string)redacted["text"]!],
                Choices = [new PromptChoice("ok", step.T("advisor.questionOk"), "ja", "ok"), new PromptChoice("edit", step.T("advisor.questionEdit"), "aanpassen")],
            }));
        });
        AddStep("attach", (step, _) =>
        {
            if (step.InputAs<string>() == "edit")
            {
                return Task.FromResult(step.GoTo("question"));
            }

            return Task.FromResult(step.Notes.ContainsKey(DecisionRecordNote)
                ? step.AskYesNo(step.T("advisor.attach"), step.T("advisor.attachDetail"))
                : step.Next(false));
        });
        AddStep("review", (step, _) =>
        {
            var fields = Fields(step, facts);
            var lines = fields.Properties().Select(p => $"**{step.T("advisor.field." + p.Name)}:** {Display(step, facts, p)}").ToList();
            if (step.Input?.Type == JTokenType.Boolean && (bool)step.Input)
            {
                lines.Add(step.T("advisor.withRecord"));
            }

            return Task.FromResult(step.Ask(new PromptSpec
            {
                Kind = PromptKind.Choice,
                Text = step.T("advisor.review"),
                Paragraphs = lines,
                Choices = [new PromptChoice("send", step.T("handoff.send"), "versturen"), new PromptChoice("change", step.T("handoff.change"), "wijzigen")],
                ButtonData = HandoffSubmission.KeyData(step),
            }));
        });
        AddStep("submit", async (step, cancellationToken) =>
        {
            if (step.InputAs<string>() == "change")
            {
                return step.GoTo("contact");
            }

            var attach = step.Answers.TryGetValue("attach", out var choice) && choice.Type == JTokenType.Boolean && (bool)choice;
            var record = attach && step.Notes.TryGetValue(DecisionRecordNote, out var note) ? note : null;
            var request = await submission.SubmitAsync(step, RequestKind.Advisor, Fields(step, facts), record, cancellationToken).ConfigureAwait(false);
            await HandoffSubmission.ConfirmAsync(step, request, "advisor.confirmed", "advisor.next", cancellationToken).ConfigureAwait(false);
            return step.End();
        });
    }

    /// <summary>The request's fields: topic, urgency, contact details and the redacted question.</summary>
    private static JObject Fields(StepContext step, AdvisorFacts facts)
    {
        var contact = (JObject)step.Answers["contact"];
        var fields = new JObject
        {
            ["topic"] = step.Answers["topic"],
            ["urgency"] = step.Answers["urgency"],
            ["way"] = contact["way"],
            ["name"] = contact["name"],
        };
        foreach (var optional in new[] { "phone", "email", "organisation" }.Where(f => !string.IsNullOrWhiteSpace(contact[f]?.ToString())))
        {
            fields[optional] = contact[optional];
        }

        fields["question"] = (string?)step.InputOf("confirmQuestion")?["text"] ?? "";
        return fields;
    }

    private static string Display(StepContext step, AdvisorFacts facts, JProperty field) => field.Name switch
    {
        "topic" => facts.Topics.FirstOrDefault(t => t.Id == field.Value.ToString())?.Title.In(step.Language) ?? "–",
        "urgency" => step.T("advisor.urgency." + field.Value),
        "way" => step.T("advisor.way." + field.Value),
        _ => field.Value.ToString(),
    };

    private static List<FormField> ContactFields(StepContext step, JObject? previous, string? teamsName) =>
    [
        new() { Id = "way", Kind = FormFieldKind.Choice, Label = step.T("advisor.field.way"), Required = true, Value = previous?["way"]?.ToString() ?? "teams",
            Choices = [new("teams", step.T("advisor.way.teams")), new("phone", step.T("advisor.way.phone")), new("email", step.T("advisor.way.email"))] },
        new() { Id = "name", Kind = FormFieldKind.Text, Label = step.T("advisor.field.name"), Required = true, MaxLength = 100, Value = previous?["name"]?.ToString() ?? teamsName },
        new() { Id = "phone", Kind = FormFieldKind.Text, Label = step.T("advisor.field.phone"), Validator = "phone-nl", MaxLength = 30, Value = previous?["phone"]?.ToString() },
        new() { Id = "email", Kind = FormFieldKind.Text, Label = step.T("advisor.field.email"), Validator = "email", MaxLength = 200, Value = previous?["email"]?.ToString() },
        new() { Id = "organisation", Kind = FormFieldKind.Text, Label = step.T("advisor.field.organisation"), MaxLength = 150, Value = previous?["organisation"]?.ToString() },
    ];
}
