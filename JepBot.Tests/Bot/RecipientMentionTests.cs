using JepBot.Bot;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Bot;

public sealed class RecipientMentionTests
{
    private static Activity Message(string text, params JObject[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot" },
        Entities = entities.Select(e => e.ToObject<Entity>()!).ToList(),
    };

    private static JObject Mention(string? id, string? text)
    {
        var entity = new JObject { ["type"] = "mention" };
        if (id is not null)
        {
            entity["mentioned"] = new JObject { ["id"] = id };
        }

        if (text is not null)
        {
            entity["text"] = text;
        }

        return entity;
    }

    [Theory]
    [InlineData("<at>JepBot</at> help", "help")]
    [InlineData("help <at>JepBot</at>", "help")]
    [InlineData("<at>JepBot</at>", "")]
    public void The_bots_own_mention_is_removed(string text, string expected)
    {
        var activity = Message(text, Mention("28:bot", "<at>JepBot</at>"));

        RecipientMention.Strip(activity);

        Assert.Equal(expected, activity.Text);
    }

    [Fact]
    public void Mentions_of_other_people_stay()
    {
        var activity = Message("<at>JepBot</at> vraag <at>Sam</at> ook", Mention("28:bot", "<at>JepBot</at>"), Mention("29:sam", "<at>Sam</at>"));

        RecipientMention.Strip(activity);

        Assert.Equal("vraag <at>Sam</at> ook", activity.Text);
    }

    [Fact]
    public void Malformed_mention_entities_are_ignored_instead_of_failing_the_turn()
    {
        var activity = Message("<at>JepBot</at> menu", Mention(null, null), Mention("28:bot", null), new JObject { ["type"] = "mention", ["mentioned"] = "not an object", ["text"] = 5 });

        RecipientMention.Strip(activity);

        Assert.Equal("<at>JepBot</at> menu", activity.Text);
    }
}
