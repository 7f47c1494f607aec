using System.Globalization;
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

    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

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
            facts = Facts(request, content, T),
            hasQuestion = question.Length > 0,
            questionLabel = T("advisor.field.question"),
            question,
            hasAttachment = request.Attachment is { Length: > 0 },
            attachmentLabel = T("ticket.attachment"),
            attachment = request.Attachment ?? "",
            buttons,
            hasChatLink = request.RequesterId is { Length: > 0 },
            chatLabel = T("ticket.chat"),
            chatLink = "https://teams.microsoft.com/l/chat/0/0?users=" + Uri.EscapeDataString(request.RequesterId ?? ""),
        });
    }

    private static object Button(string title, HandoffRequest request, string action) =>
        new { title, data = new JObject { [ActionProperty] = new JObject { ["ref"] = request.Reference, ["action"] = action } } };

    private static List<object> Facts(HandoffRequest request, HandoffContent content, Func<string, object?[], string> t)
    {
        var language = request.Language;
        var facts = new List<object>();
        void Add(string labelKey, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new { label = t(labelKey, []), value });
            }
        }

        var f = request.Fields;
        if (request.Kind == RequestKind.Werkatelier)
        {
            Add("werkatelier.municipality", (string?)f["municipality"]);
            Add("werkatelier.organisation", (string?)f["organisation"]);
            Add("werkatelier.name", (string?)f["name"]);
            Add("werkatelier.email", (string?)f["email"]);
            Add("werkatelier.phone", (string?)f["phone"]);
            Add("werkatelier.period", (string?)f["period"]);
            Add("werkatelier.participantsShort", f["participants"]?.ToString() + (f["sessions"] is { } sessions ? $" ({sessions}×)" : ""));
            Add("werkatelier.groups", f["groups"] is JArray groups
                ? string.Join(", ", content.Werkatelier.TargetGroups.Where(g => groups.Any(x => x.ToString() == g.Id)).Select(g => g.Title.In(language)))
                : null);
            Add("werkatelier.location", f["location"]?.ToString() == "chain" ? t("werkatelier.chain", []) : t("werkatelier.incompany", []));
            Add("werkatelier.remarks", (string?)f["remarks"]);
        }
        else
        {
            Add("advisor.field.topic", content.Advisor.Topics.FirstOrDefault(x => x.Id == f["topic"]?.ToString())?.Title.In(language));
            Add("advisor.field.urgency", f["urgency"] is { } urgency ? t("advisor.urgency." + urgency, []) : null);
            Add("advisor.field.way", f["way"] is { } way ? t("advisor.way." + way, []) : null);
            Add("advisor.field.name", (string?)f["name"]);
            Add("advisor.field.phone", (string?)f["phone"]);
            Add("advisor.field.email", (string?)f["email"]);
            Add("advisor.field.organisation", (string?)f["organisation"]);
        }

        Add("ticket.requester", request.RequesterName);
        Add("ticket.created", Local(request.CreatedUtc));
        if (request.ClaimedUtc is { } claimed)
        {
            Add("ticket.updated", Local(request.ResolvedUtc ?? claimed));
        }

        return facts;
    }

    private static string Local(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Amsterdam).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
