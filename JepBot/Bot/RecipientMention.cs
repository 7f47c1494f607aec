using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Bot;

/// <summary>
/// Removes "@JepBot" from a channel message so that "<at>JepBot</at> help" reads as "help". Written here instead of
/// the SDK's RemoveRecipientMention, which throws on a mention entity without "mentioned" (seen with crafted input).
/// Mentions of other people stay in the text.
/// </summary>
public static class RecipientMention
{
    public static void Strip(IMessageActivity activity)
    {
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(activity.Text) || string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return;
        }

        var text = activity.Text;
        foreach (var entity in activity.Entities)
        {
            if (entity is not { Properties: { } properties } || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionedId = properties["mentioned"] is JObject mentioned ? mentioned["id"]?.ToString() : null;
            var mentionText = properties["text"] is { Type: JTokenType.String } textToken ? textToken.ToString() : null;
            if (string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.Ordinal);
            }
        }

        activity.Text = text.Trim();
    }
}
