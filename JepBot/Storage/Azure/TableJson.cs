using System.Text;
using Azure.Data.Tables;

namespace JepBot.Storage.Azure;

/// <summary>
/// A record's JSON in Table entity properties. One string property holds at most 64 KiB (32K UTF-16 characters), an
/// entity 1 MiB, so longer JSON (a request with a long decision record attached) is split over "Json", "Json1", ….
/// </summary>
internal static class TableJson
{
    private const string Property = "Json";
    private const int PartLength = 30_000;

    /// <summary>15 parts: 450,000 characters, 900 KB as UTF-16, leaving room in the entity for its other columns.</summary>
    private const int MaxParts = 15;

    public static void Write(TableEntity entity, string json)
    {
        var start = 0;
        for (var part = 0; part == 0 || start < json.Length; part++)
        {
            if (part == MaxParts)
            {
                throw new InvalidOperationException($"A record of {json.Length} characters does not fit in one Table entity.");
            }

            var length = Math.Min(PartLength, json.Length - start);

            // Never split a surrogate pair: half of one is not valid text on the wire.
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            entity[part == 0 ? Property : Property + part.ToString(System.Globalization.CultureInfo.InvariantCulture)] = json.Substring(start, length);
            start += length;
        }
    }

    public static string Read(TableEntity entity)
    {
        var first = entity.GetString(Property) ?? throw new InvalidOperationException("A stored record has no JSON.");
        if (!entity.ContainsKey(Property + "1"))
        {
            return first;
        }

        var builder = new StringBuilder(first);
        for (var part = 1; entity.GetString(Property + part.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } next; part++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }
}
