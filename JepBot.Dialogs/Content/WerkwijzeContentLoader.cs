using Newtonsoft.Json;

namespace JepBot.Dialogs.Content;

/// <summary>Reads <c>werkwijze.json</c> (an embedded resource) once and refuses it when it is not valid.</summary>
public static class WerkwijzeContentLoader
{
    private const string ResourceName = "JepBot.Dialogs.Content.werkwijze.json";

    private static readonly Lazy<WerkwijzeContent> Embedded = new(() => Load(ReadEmbedded()));

    /// <summary>The content shipped with this build; throws at first use when the file is broken.</summary>
    public static WerkwijzeContent Default => Embedded.Value;

    public static string ReadEmbedded()
    {
        using var stream = typeof(WerkwijzeContentLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses and validates; unknown properties are errors, so a misspelt field name is caught too.</summary>
    public static WerkwijzeContent Load(string json)
    {
        var content = Parse(json);
        var problems = ContentValidator.Validate(content);
        if (problems.Count > 0)
        {
            throw new InvalidDataException("werkwijze.json is not valid:\n- " + string.Join("\n- ", problems));
        }

        return content;
    }

    public static WerkwijzeContent Parse(string json) =>
        JsonConvert.DeserializeObject<WerkwijzeContent>(json, new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Error,
            TypeNameHandling = TypeNameHandling.None,
        }) ?? throw new InvalidDataException("werkwijze.json is empty.");
}
