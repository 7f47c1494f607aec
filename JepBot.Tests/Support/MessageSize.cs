using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>Teams refuses bot messages over about 40 KB (the whole activity as sent); JepBot stays under it.</summary>
public static class MessageSize
{
    public const int Limit = 40 * 1024;

    public static int Of(JObject card) => Of(JepBot.Dialogs.Cards.AdaptiveCard.ToActivity(card, (string?)card["fallbackText"] ?? ""));

    public static int Of(IActivity activity) =>
        System.Text.Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    public static int Of(JToken sentJson) => System.Text.Encoding.UTF8.GetByteCount(sentJson.ToString(Formatting.None));
}
