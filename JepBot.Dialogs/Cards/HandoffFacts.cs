using System.Globalization;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// A request as labelled lines in the requester's language: what the ticket card shows and the e-mail copy says.
/// Empty values are left out; times are Amsterdam time.
/// </summary>
public static class HandoffFacts
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static IReadOnlyList<(string Label, string Value)> Of(HandoffRequest request, HandoffContent content, Localizer localizer)
    {
        var language = request.Language;
        string T(string key) => localizer.Get(language, key);
        var facts = new List<(string, string)>();
        void Add(string labelKey, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add((T(labelKey), value));
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
            Add("werkatelier.location", f["location"]?.ToString() == "chain" ? T("werkatelier.chain") : T("werkatelier.incompany"));
            Add("werkatelier.remarks", (string?)f["remarks"]);
        }
        else
        {
            Add("advisor.field.topic", content.Advisor.Topics.FirstOrDefault(x => x.Id == f["topic"]?.ToString())?.Title.In(language));
            Add("advisor.field.urgency", f["urgency"] is { } urgency ? T("advisor.urgency." + urgency) : null);
            Add("advisor.field.way", f["way"] is { } way ? T("advisor.way." + way) : null);
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

    /// <summary>A Teams deep link that opens a chat with the requester, or null when their id is unknown.</summary>
    public static string? ChatLink(HandoffRequest request) =>
        request.RequesterId is { Length: > 0 } id ? "https://teams.microsoft.com/l/chat/0/0?users=" + Uri.EscapeDataString(id) : null;

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
