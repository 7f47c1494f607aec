namespace JepBot.Bot;

/// <summary>
/// What Newtonsoft throws when JSON from a caller does not fit a .NET type: besides JsonException, ToObject and
/// GetChannelData throw argument, cast, format and overflow exceptions for a wrongly typed value.
/// </summary>
internal static class MalformedJson
{
    public static bool Is(Exception exception) =>
        exception is Newtonsoft.Json.JsonException or ArgumentException or InvalidCastException or FormatException or OverflowException;
}
