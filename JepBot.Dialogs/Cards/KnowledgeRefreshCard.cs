using JepBot.Dialogs.Cards.Templating;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// The knowledge refresh a municipality's channel receives (template <c>info</c>): a heading, the item (a legal-frame
/// reminder or a practice case), and one button that opens a 1:1 chat where it continues. The button's data names
/// only what to start there (<see cref="StartProperty"/>); no one's details are on the card.
/// </summary>
public static class KnowledgeRefreshCard
{
    /// <summary>Card data property read by the channel's refresh desk: {"refresh": {"start": "oefenen case-id"}}.</summary>
    public const string DataProperty = "refresh";

    public const string StartProperty = "start";

    public static JObject Build(string heading, string title, string text, string footer, string buttonTitle, string start) =>
        CardTemplates.Expand("info", new
        {
            fallbackText = heading + "\n" + title + "\n" + text,
            heading,
            paragraphs = new[]
            {
                new { text = "**" + title + "**", subtle = false },
                new { text, subtle = false },
                new { text = footer, subtle = true },
            },
            buttons = new[] { new { title = buttonTitle, data = new JObject { [DataProperty] = new JObject { [StartProperty] = start } } } },
        });
}
