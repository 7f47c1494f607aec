using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>Teams-shaped activity JSON, as the Teams service (or the Agents Playground) posts it.</summary>
public static class Activities
{
    public const string BotId = "28:jepbot-test";

    public static JObject Message(string serviceUrl, string conversationId, string? text, JObject? value = null, string conversationType = "personal", string locale = "nl-NL", string userId = "29:user-1")
    {
        var activity = Base("message", serviceUrl, conversationId, conversationType, locale, userId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    public static JObject BotAdded(string serviceUrl, string conversationId, string conversationType = "personal")
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId, conversationType, "nl-NL", "29:user-1");
        activity["membersAdded"] = new JArray(new JObject { ["id"] = BotId }, new JObject { ["id"] = "29:user-1" });
        return activity;
    }

    /// <summary>A message in a team channel, as Teams sends it (conversation id with ";messageid=", channelData with team and channel).</summary>
    public static JObject ChannelMessage(string serviceUrl, string channelId, string? text, JObject? value = null, string userId = "29:advisor-1", string userName = "Noor Adviseur", string thread = "1")
    {
        var activity = Base("message", serviceUrl, $"{channelId};messageid={thread}", "channel", "nl-NL", userId);
        if (value is not null)
        {
            // A card submit answers the card: Teams sets replyToId to the card's activity id (the thread's first message).
            activity["replyToId"] = thread;
        }

        activity["from"]!["name"] = userName;
        activity["channelData"] = new JObject
        {
            ["tenant"] = new JObject { ["id"] = "tenant-1" },
            ["team"] = new JObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JObject { ["id"] = channelId },
        };
        activity["text"] = text is null ? null : "<at>JepBot</at> " + text;
        if (text is not null)
        {
            activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["text"] = "<at>JepBot</at>", ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = "JepBot" } });
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    /// <summary>
    /// A team event as Teams sends it to the General channel: the bot added (<c>botAdded</c>), removed
    /// (<c>botRemoved</c>), or the team renamed (<c>teamRenamed</c>).
    /// </summary>
    public static JObject TeamEvent(string serviceUrl, string teamId, string teamName, string what, string tenantId = "tenant-1")
    {
        var activity = Base("conversationUpdate", serviceUrl, teamId, "channel", "nl-NL", "29:user-1");
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"] = new JObject
        {
            ["tenant"] = new JObject { ["id"] = tenantId },
            ["team"] = new JObject { ["id"] = teamId, ["name"] = teamName },
            ["channel"] = new JObject { ["id"] = teamId },
            ["eventType"] = what switch { "botAdded" => "teamMemberAdded", "botRemoved" => "teamMemberRemoved", _ => what },
        };
        if (what == "botAdded")
        {
            activity["membersAdded"] = new JArray(new JObject { ["id"] = BotId });
        }
        else if (what == "botRemoved")
        {
            activity["membersRemoved"] = new JArray(new JObject { ["id"] = BotId });
        }

        return activity;
    }

    public static JObject InstallationAdd(string serviceUrl, string conversationId, string conversationType = "personal")
    {
        var activity = Base("installationUpdate", serviceUrl, conversationId, conversationType, "nl-NL", "29:user-1");
        activity["action"] = "add";
        return activity;
    }

    private static JObject Base(string type, string serviceUrl, string conversationId, string conversationType, string locale, string userId) => new()
    {
        ["type"] = type,
        ["id"] = "act-" + Guid.NewGuid().ToString("N")[..10],
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JObject { ["id"] = userId, ["name"] = "Test Gebruiker", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
        ["recipient"] = new JObject { ["id"] = BotId, ["name"] = "JepBot" },
        ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tenant-1" },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "tenant-1" } },
        ["locale"] = locale,
    };
}
