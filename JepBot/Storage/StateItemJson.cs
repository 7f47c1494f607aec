using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Storage;

/// <summary>
/// How every JepBot <see cref="IStorage"/> turns a state value into stored JSON and finds and sets its ETag, so the
/// SQLite and the Azure store read and write exactly the same shapes (see the storage contract tests).
/// </summary>
/// <remarks>
/// Values are serialised without type names: stored JSON can never choose which .NET type gets created, and
/// without properties that are at their starting value (<see cref="CompactStateContractResolver"/>). The ETag is
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
        ContractResolver = new CompactStateContractResolver(),
    });

    private static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Ignore };

    private static bool IsETag(string name) => string.Equals(name, ETagKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>The stored form of a value: compact JSON without its ETag.</summary>
    /// <remarks>
    /// Written straight to text: building a JObject first (and copying it to drop the ETag) cost more than the
    /// rest of the save (docs/performance.md).
    /// </remarks>
    public static string ToJson(object? value)
    {
        if (value is null)
        {
            throw new ArgumentException("A stored value cannot be null; delete the key instead.", nameof(value));
        }

        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            switch (value)
            {
                // IStoreItem serialises its ETag as "ETag", state dictionaries as "eTag": neither belongs in the stored JSON.
                case JObject json:
                    writer.WriteStartObject();
                    foreach (var property in json.Properties().Where(p => !IsETag(p.Name)))
                    {
                        property.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                    break;
                case IDictionary<string, object> dictionary:
                    writer.WriteStartObject();
                    foreach (var (key, item) in dictionary)
                    {
                        if (!IsETag(key))
                        {
                            writer.WritePropertyName(key);
                            Serializer.Serialize(writer, item);
                        }
                    }

                    writer.WriteEndObject();
                    break;
                default:
                    var fresh = JObject.FromObject(value, Serializer);
                    foreach (var property in fresh.Properties().Where(p => IsETag(p.Name)).ToList())
                    {
                        property.Remove();
                    }

                    fresh.WriteTo(writer);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>A stored value as <see cref="IStorage.ReadAsync(string[], CancellationToken)"/> returns it: a JObject carrying its ETag.</summary>
    public static JObject FromJson(string json, string etag)
    {
        var item = JObject.Parse(json, LoadSettings);
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
