using JepBot.Dialogs;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Flows.Practice;
using JepBot.Dialogs.Flows.Werkwijze;
using JepBot.Dialogs.Handoff;
using JepBot.Storage;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>
/// Practises a case as a professional would: "oefenen &lt;id&gt;", "Beginnen", then answers each Werkwijze question
/// with the model answer unless told otherwise, until the walk ends and the comparison is shown.
/// </summary>
public sealed class PracticeDriver
{
    public PracticeDriver(string locale = "nl-NL", bool withHandoff = false)
    {
        Harness = withHandoff
            ? new DialogHarness((c, u) => new JepConversation(c, u, handoffStore: new SqliteHandoffStore(BotHost.NewDatabasePath()), deliveryTrigger: new NoDelivery()).Runner, locale: locale)
            : new DialogHarness((c, u) => new JepConversation(c, u).Runner, locale: locale);
        Werkwijze = new WerkwijzeDriver(Harness);
    }

    public static WerkwijzeContent Content => WerkwijzeContentLoader.Default;

    public static PracticeCasesContent Cases => PracticeCasesValidator.Default;

    public DialogHarness Harness { get; }

    public WerkwijzeDriver Werkwijze { get; }

    /// <summary>Types "oefenen &lt;id&gt;" and clicks "Beginnen"; returns the replies to the click (the first question).</summary>
    public async Task<IReadOnlyList<BotReply>> StartAsync(string caseId, string command = "oefenen", string start = "Beginnen")
    {
        await Harness.SayAsync($"{command} {caseId}");
        return await Harness.ClickAsync(start);
    }

    /// <summary>The dialog and step of the open question.</summary>
    public async Task<(string? Dialog, string? Step)> OpenAsync()
    {
        var active = (await Harness.ReadStackAsync()).Active;
        return (active?.DialogId, active?.Pending?.Step);
    }

    /// <summary>
    /// Answers every open Werkwijze question until the practice walk ends: the answer in <paramref name="answers"/>, else
    /// the model answer, else one that moves on (the record where offered). Returns all replies along the way.
    /// </summary>
    /// <param name="until">Stop when this step's question is open.</param>
    public async Task<List<BotReply>> WalkAsync(PracticeCase practiceCase, IReadOnlyDictionary<string, string[]>? answers = null, string? until = null)
    {
        var replies = new List<BotReply>();
        for (var turns = 0; turns < 60; turns++)
        {
            var (dialog, stepId) = await OpenAsync();
            if (dialog != WerkwijzeDialog.DialogId || stepId is null || stepId == until)
            {
                return replies;
            }

            var step = Content.FindStep(stepId)!;
            string[] answer = answers?.GetValueOrDefault(stepId)
                ?? practiceCase.Model.GetValueOrDefault(stepId)?.Options.ToArray()
                ?? Default(step);
            replies.AddRange(step.Kind == StepKinds.Text ? await Harness.SayAsync(answer[0]) : await Werkwijze.ChooseAsync(answer));
        }

        throw new InvalidOperationException("The practice walk did not end.");
    }

    /// <summary>The comparison card among the replies.</summary>
    public static BotReply Comparison(IEnumerable<BotReply> replies) =>
        replies.Single(r => r.Card is not null && (r.AllText.Contains("Oefening · Jouw keuzes", StringComparison.Ordinal) || r.AllText.Contains("Practice · Your choices", StringComparison.Ordinal)));

    private static string[] Default(ContentStep step) => step.Kind switch
    {
        StepKinds.Text => ["-"],
        StepKinds.Info => [step.Options.FirstOrDefault(o => o.Next == "record")?.Id ?? step.Options.FirstOrDefault(o => o.Next != ContentStep.Exit)?.Id ?? step.Options[0].Id],
        _ => [step.Options[0].Id],
    };

    private sealed class NoDelivery : IDeliveryTrigger
    {
        public void RequestWaiting()
        {
        }
    }
}
