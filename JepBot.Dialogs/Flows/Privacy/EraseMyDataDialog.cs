using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Handoff;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Flows.Privacy;

/// <summary>
/// "wis mijn gegevens" / "delete my data": after a yes, removes this conversation's state and the user's preferences
/// (the host deletes them instead of saving, <see cref="StepContext.EraseStateAfterTurn"/>) and takes the person out
/// of their requests: name, contact details and their chat go; the reference, kind, status and dates stay, so the
/// advisors' record of what was asked and done still holds. Says what was removed.
/// </summary>
public sealed class EraseMyDataDialog : WaterfallDialog
{
    public const string DialogId = "eraseMyData";

    public static readonly string[] Words = ["wis mijn gegevens", "verwijder mijn gegevens", "gegevens wissen", "delete my data", "erase my data"];

    /// <summary>Request fields that hold the person's own details (werkatelier and advisor forms); other fields describe the request.</summary>
    private static readonly string[] PersonalFields = ["name", "phone", "email"];

    public EraseMyDataDialog(IHandoffStore? store)
        : base(DialogId)
    {
        AddStep("confirm", (step, _) => Task.FromResult(step.AskYesNo(step.T("erase.question"), step.T(store is null ? "erase.whatNoRequests" : "erase.what"))));
        AddStep("apply", async (step, cancellationToken) =>
        {
            if (step.Input?.Type != JTokenType.Boolean || !(bool)step.Input)
            {
                await step.SendTextAsync(step.T("erase.nothing"), cancellationToken).ConfigureAwait(false);
                return step.End();
            }

            var references = store is null ? [] : await AnonymiseRequestsAsync(store, step, cancellationToken).ConfigureAwait(false);
            step.EraseStateAfterTurn();
            var title = step.T("erase.done");
            var lines = new List<string> { step.T("erase.doneState") };
            lines.Add(references.Count == 0 ? step.T("erase.doneNoRequests") : step.T("erase.doneRequests", string.Join(", ", references)));
            lines.Add(step.T("erase.doneElsewhere"));
            await step.SendCardAsync(InfoCard.Build(title, lines), title, cancellationToken).ConfigureAwait(false);
            return step.End();
        });
    }

    private static async Task<List<string>> AnonymiseRequestsAsync(IHandoffStore store, StepContext step, CancellationToken cancellationToken)
    {
        var from = step.Activity.From;
        var requesterIds = new[] { from?.AadObjectId, from?.Id }.OfType<string>().Where(id => id.Length > 0).Distinct().ToList();
        var references = new List<string>();
        foreach (var requesterId in requesterIds)
        {
            foreach (var request in await store.FindByRequesterAsync(requesterId, cancellationToken).ConfigureAwait(false))
            {
                await AnonymiseAsync(store, request.Reference, cancellationToken).ConfigureAwait(false);
                references.Add(request.Reference);
            }
        }

        return references;
    }

    /// <summary>Removes the person from one request, reading it again when an advisor changed it in between.</summary>
    private static async Task AnonymiseAsync(IHandoffStore store, string reference, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = await store.GetAsync(reference, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return;
            }

            request.RequesterName = null;
            request.RequesterId = null;
            request.RequesterConversation = null;
            foreach (var field in PersonalFields.Where(f => request.Fields.ContainsKey(f)))
            {
                request.Fields.Remove(field);
            }

            try
            {
                await store.UpdateAsync(request, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HandoffConflictException) when (attempt < 4)
            {
            }
        }
    }
}
