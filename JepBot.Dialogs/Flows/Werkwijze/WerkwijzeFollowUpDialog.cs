using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// The question after the decision record: a JEP advisor to think along, for municipal staff a werkatelier
/// request, or done. The Werkwijze replaces itself with this dialog once the record is sent, so the walk's steps
/// and answers leave the conversation state with it (the record itself stays as a note for an advisor request).
/// </summary>
public sealed class WerkwijzeFollowUpDialog : WaterfallDialog
{
    public const string DialogId = "werkwijzeFollowUp";

    /// <summary>Option naming the profession chosen in the Werkwijze (decides whether a werkatelier is offered).</summary>
    public const string ProfessionOption = "profession";

    public WerkwijzeFollowUpDialog(WerkwijzeFollowUp followUp)
        : base(DialogId)
    {
        HelpKey = "werkwijze.help";
        AddStep("choose", (step, _) =>
        {
            var choices = new List<PromptChoice> { new(WerkwijzeFollowUp.Advisor, step.T("werkwijze.followUp.advisor"), "adviseur") };
            if (step.Option(ProfessionOption)?.ToString() is { } profession && followUp.WerkatelierProfessions.Contains(profession))
            {
                choices.Add(new(WerkwijzeFollowUp.Werkatelier, step.T("werkwijze.followUp.werkatelier"), "werkatelier"));
            }

            choices.Add(new("done", step.T("werkwijze.followUp.done"), "klaar", "menu", "nee"));
            return Task.FromResult(step.Ask(new PromptSpec { Kind = PromptKind.Choice, Text = step.T("werkwijze.followUp"), Choices = choices }));
        });
        AddStep("route", (step, _) => Task.FromResult(step.InputAs<string>() switch
        {
            WerkwijzeFollowUp.Advisor => step.Replace(WerkwijzeFollowUp.Advisor),
            WerkwijzeFollowUp.Werkatelier => step.Replace(WerkwijzeFollowUp.Werkatelier),
            _ => step.End(),
        }));
    }
}
