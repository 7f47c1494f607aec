using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// The few Adaptive Card building blocks JepBot uses, as schema 1.5 JSON (no .NET card library is available here).
/// Everything produced is checked against Microsoft's JavaScript renderer in the tests.
/// </summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <summary>A card root: full width in Teams, with a plain-text fallback for clients and notifications that cannot show cards.</summary>
    public static JObject Create(string fallbackText, IEnumerable<JObject> body, IEnumerable<JObject>? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = fallbackText,
            ["msteams"] = new JObject { ["width"] = "Full" },
            ["body"] = new JArray(body),
        };
        var actionList = actions?.ToList();
        if (actionList is { Count: > 0 })
        {
            card["actions"] = new JArray(actionList);
        }

        return card;
    }

    public static JObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["style"] = "heading",
    };

    public static JObject Paragraph(string text, bool subtle = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    /// <summary>A highlighted notice, e.g. why an answer was not accepted.</summary>
    public static JObject Warning(string text) => new()
    {
        ["type"] = "Container",
        ["style"] = "attention",
        ["items"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["color"] = "Attention" }),
    };

    /// <param name="sendsInputs">False for buttons such as "back": they must work even while required inputs are
    /// empty or invalid, so the client neither validates nor sends the card's inputs.</param>
    public static JObject Submit(string title, JObject data, string? style = null, bool sendsInputs = true)
    {
        var action = new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (style is not null)
        {
            action["style"] = style;
        }

        if (!sendsInputs)
        {
            action["associatedInputs"] = "none";
        }

        return action;
    }

    /// <summary>Wraps a card as a message: <paramref name="summary"/> is what Teams shows in notifications and the chat list.</summary>
    public static IMessageActivity ToActivity(JObject card, string summary)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Summary = summary;
        activity.Attachments = [new Attachment { ContentType = ContentType, Content = card }];
        return activity;
    }
}
