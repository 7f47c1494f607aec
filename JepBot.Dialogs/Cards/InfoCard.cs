using JepBot.Dialogs.Cards.Templating;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>A card that informs (template <c>info</c>): a heading, paragraphs, and optional buttons that send a command (e.g. "menu").</summary>
public static class InfoCard
{
    public static JObject Build(string heading, IEnumerable<string> paragraphs, IEnumerable<(string Title, string Command)>? buttons = null)
    {
        var paragraphList = paragraphs.ToList();
        return CardTemplates.Expand("info", new
        {
            fallbackText = heading + "\n" + string.Join("\n", paragraphList),
            heading,
            paragraphs = paragraphList.Select(p => new { text = p, subtle = false }),
            buttons = (buttons ?? []).Select(b => new { title = b.Title, data = CommandData(b.Command) }),
        });
    }

    /// <summary>Data for a button that runs a global command regardless of the current question.</summary>
    public static JObject CommandData(string command) =>
        new() { [Engine.TurnInput.TicketProperty] = new JObject { ["c"] = command } };
}
