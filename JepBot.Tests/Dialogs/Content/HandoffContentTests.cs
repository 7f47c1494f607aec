using JepBot.Dialogs.Content;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Content;

/// <summary>handoff.json: the shipped file is valid, and each kind of mistake a jurist can make is refused by name.</summary>
public sealed class HandoffContentTests
{
    [Fact]
    public void The_shipped_content_is_valid()
    {
        var content = HandoffContent.Load(HandoffContent.ReadEmbedded());
        Assert.Empty(content.Validate());
        Assert.Equal(15, content.Werkatelier.MaxParticipants);
    }

    [Fact]
    public void Professions_offered_a_werkatelier_exist_in_the_werkwijze()
    {
        var professions = WerkwijzeContentLoader.Default.FindStep("profession")!.Options.Select(o => o.Id).ToHashSet();
        Assert.NotEmpty(HandoffContent.Default.Werkatelier.OfferAfterWerkwijzeTo);
        Assert.All(HandoffContent.Default.Werkatelier.OfferAfterWerkwijzeTo, id => Assert.Contains(id, professions));
    }

    [Theory]
    [InlineData("$.werkatelier.title.en", "", "werkatelier title has no text in language 'en'")]
    [InlineData("$.werkatelier.sources[0]", "nowhere", "werkatelier has no source")]
    [InlineData("$.advisor.reviewed", "gisteren", "advisor has no review date")]
    [InlineData("$.werkatelier.maxParticipants", 0, "maximum number of participants")]
    [InlineData("$.contact.name.nl", " ", "contact name has no text in language 'nl'")]
    public void A_broken_file_is_refused_with_the_reason(string path, object value, string reason)
    {
        var json = JObject.Parse(HandoffContent.ReadEmbedded());
        json.SelectToken(path)!.Replace(JToken.FromObject(value));

        var error = Assert.Throws<InvalidDataException>(() => HandoffContent.Load(json.ToString()));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_unknown_field_is_refused_rather_than_ignored()
    {
        var json = JObject.Parse(HandoffContent.ReadEmbedded());
        ((JObject)json["werkatelier"]!)["maxParticipant"] = 20;
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => HandoffContent.Load(json.ToString()));
    }
}
