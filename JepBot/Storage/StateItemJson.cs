using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Storage;

/// <summary>
/// How every JepBot <see cref="IStorage"/> turns a state value into stored JSON and finds and sets its ETag, so the
/// SQLite and the Azure store read and write exactly the same shapes (see the storage contract tests).
/// </summary>
/// <remarks>
/// Values are serialised without type names: stored JSON can never choose which .NET type gets created. The ETag is
/// kept out of the stored JSON (each store keeps it beside the value) and put back on read as "eTag", the name
/// <see cref="BotState"/> uses.
/// </remarks>
internal static class StateItemJson
{
    public const string ETagKey = "eTag";

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = 64,
    });

    /// <summary>The stored form of a value: compact JSON without its ETag.</summary>
    public static string ToJson(object? value)
    {
        if (value is null)
        {
            throw new ArgumentException("A stored value cannot be null; delete the key instead.", nameof(value));
        }

        // IStoreItem serialises its ETag as "ETag", state dictionaries as "eTag": neither belongs in the stored JSON.
        var json = value as JObject ?? JObject.FromObject(value, Serializer);
        var etagProperties = json.Properties().Where(p => string.Equals(p.Name, ETagKey, StringComparison.OrdinalIgnoreCase)).ToList();
        if (etagProperties.Count > 0)
        {
            json = (JObject)json.DeepClone();
            foreach (var property in etagProperties)
            {
                json.Remove(property.Name);
            }
        }

        return json.ToString(Formatting.None);
    }

    /// <summary>A stored value as <see cref="IStorage.ReadAsync(string[], CancellationToken)"/> returns it: a JObject carrying its ETag.</summary>
    public static JObject FromJson(string json, string etag)
    {
        var item = JObject.Parse(json);
        item[ETagKey] = etag;
        return item;
    }

    public static TStoreItem ToObject<TStoreItem>(object item)
        where TStoreItem : class => ((JObject)item).ToObject<TStoreItem>(Serializer)!;

    /// <summary>The ETag the writer expects: "*", null/empty ("this is new") or a stored ETag.</summary>
    public static string? ReadETag(object? value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject json => json[ETagKey]?.Type == JTokenType.String ? (string?)json[ETagKey] : null,
        IDictionary<string, object> dictionary when dictionary.TryGetValue(ETagKey, out var etag) => etag switch
        {
            string text => text,
            JValue { Type: JTokenType.String } token => (string?)token,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Puts the new ETag back into the written object, so a second save in the same turn still matches.</summary>
    public static void WriteETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case JObject json:
                json[ETagKey] = etag;
                break;
            case IDictionary<string, object> dictionary when !dictionary.IsReadOnly:
                dictionary[ETagKey] = etag;
                break;
        }
    }
}
