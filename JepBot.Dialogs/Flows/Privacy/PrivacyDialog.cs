using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;

namespace JepBot.Dialogs.Flows.Privacy;

/// <summary>
/// "privacy": what JepBot keeps and for how long, that it never needs the young person's identity, how to have your
/// own data deleted, and whom to ask. The periods are the ones the host enforces (<see cref="PrivacyTerms"/>).
/// </summary>
public sealed class PrivacyDialog : WaterfallDialog
{
    public const string DialogId = "privacy";

    public static readonly string[] Words = ["privacy", "privacyverklaring", "welke gegevens bewaar je", "privacy statement"];

    public PrivacyDialog(PrivacyTerms terms, bool withRequests)
        : base(DialogId)
    {
        AddStep("show", async (step, cancellationToken) =>
        {
            var title = step.T("privacy.title");
            var paragraphs = new List<string> { step.T("privacy.never"), step.T("privacy.chat", terms.StateDays) };
            if (withRequests)
            {
                paragraphs.Add(step.T("privacy.requests", Math.Max(1, terms.ResolvedRequestDays / 30)));
            }

            paragraphs.Add(step.T("privacy.counts"));
            paragraphs.Add(step.T("privacy.erase"));
            paragraphs.Add(string.IsNullOrWhiteSpace(terms.Contact) ? step.T("privacy.contactDefault") : step.T("privacy.contact", terms.Contact));
            var card = InfoCard.Build(title, paragraphs, [(step.T("privacy.eraseButton"), EraseMyDataDialog.DialogId), (step.T("handoff.toMenu"), "menu")]);
            await step.SendCardAsync(card, title, cancellationToken).ConfigureAwait(false);
            return step.End();
        });
    }
}
