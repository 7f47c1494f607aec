using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace JepBot.Tests.Support;

/// <summary>Bare turn contexts for code that only needs a conversation and a user (state, storage).</summary>
public static class Contexts
{
    private static readonly TestAdapter Adapter = new();

    public static ITurnContext For(string conversationId, string userId = "29:user-1") => new TurnContext(Adapter, new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = userId },
        Recipient = new ChannelAccount { Id = "28:bot" },
    });
}
