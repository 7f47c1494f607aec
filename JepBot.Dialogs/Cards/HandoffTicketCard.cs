using JepBot.Dialogs.Cards.Templating;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// The ticket card in the advisors' channel (template <c>handoff-ticket</c>): type and reference, who holds it,
/// the request's fields, the (redacted) question and attachment, and the actions that fit its status.
/// Updated in place whenever the status changes, so every advisor sees the same state.
/// </summary>
public static class HandoffTicketCard
{
    public const string ActionProperty = "handoff";

    public static JObject Build(HandoffRequest request, HandoffContent content, Localizer localizer)
    {
        var language = request.Language;
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var title = T(request.Kind == RequestKind.Werkatelier ? "ticket.werkatelier" : "ticket.advisor") + " " + request.Reference;
        var status = request.Status switch
        {
            RequestStatus.Claimed => T("ticket.status.Claimed", request.ClaimedBy),
            RequestStatus.Resolved => T("ticket.status.Resolved", request.ClaimedBy),
            _ => T("ticket.status.Open"),
        };
        var buttons = new List<object>();
        if (request.Status == RequestStatus.Open)
        {
            buttons.Add(Button(T("ticket.claim"), request, "claim"));
        }

        if (request.Status == RequestStatus.Claimed)
        {
            buttons.Add(Button(T("ticket.resolve"), request, "resolve"));
        }

        if (request.Status != RequestStatus.Open)
        {
            buttons.Add(Button(T("ticket.reopen"), request, "reopen"));
        }

        var question = request.Fields["question"]?.ToString() ?? "";
        return CardTemplates.Expand("handoff-ticket", new
        {
            fallbackText = title + " – " + status,
            title,
            status,
            statusStyle = request.Status switch { RequestStatus.Open => "attention", RequestStatus.Claimed => "good", _ => "emphasis" },
            facts = HandoffFacts.Of(request, content, localizer).Select(f => new { label = f.Label, value = f.Value }).ToList(),
            hasQuestion = question.Length > 0,
            questionLabel = T("advisor.field.question"),
            question,
            hasAttachment = request.Attachment is { Length: > 0 },
            attachmentLabel = T("ticket.attachment"),
            attachment = request.Attachment ?? "",
            buttons,
            hasChatLink = HandoffFacts.ChatLink(request) is not null,
            chatLabel = T("ticket.chat"),
            chatLink = HandoffFacts.ChatLink(request) ?? "",
        });
    }

    private static object Button(string title, HandoffRequest request, string action) =>
        new { title, data = new JObject { [ActionProperty] = new JObject { ["ref"] = request.Reference, ["action"] = action } } };
}
