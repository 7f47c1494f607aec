using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>A card that informs: a heading, paragraphs, and optional buttons that send a command (e.g. "menu").</summary>
public static class InfoCard
{
    public static JObject Build(string heading, IEnumerable<string> paragraphs, IEnumerable<(string Title, string Command)>? buttons = null)
    {
        var paragraphList = paragraphs.ToList();
        var body = new List<JObject> { AdaptiveCard.Heading(heading) };
        body.AddRange(paragraphList.Select(p => AdaptiveCard.Paragraph(p)));
        var actions = buttons?.Select(b => AdaptiveCard.Submit(b.Title, CommandData(b.Command)));
        return AdaptiveCard.Create(heading + "\n" + string.Join("\n", paragraphList), body, actions);
    }

    /// <summary>Data for a button that runs a global command regardless of the current question.</summary>
    public static JObject CommandData(string command) =>
        new() { [Engine.TurnInput.TicketProperty] = new JObject { ["c"] = command } };
}
