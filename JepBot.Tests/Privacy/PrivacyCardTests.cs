using JepBot.Tests.Cards;
using JepBot.Tests.Support;

namespace JepBot.Tests.Privacy;

/// <summary>"privacy" shows what JepBot keeps with the periods the host enforces and the configured contact.</summary>
public sealed class PrivacyCardTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?>
        {
            ["Retention:StateDays"] = "14",
            ["Retention:ResolvedRequestDays"] = "180",
            ["Privacy:Contact"] = "privacy@zaanstad.example",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("privacy", "nl-NL", "14 dagen", "6 maanden")]
    [InlineData("privacy", "en-US", "14 days", "6 months")]
    public async Task The_card_states_the_configured_periods_the_contact_and_that_the_young_persons_identity_is_never_needed(string text, string locale, string days, string months)
    {
        var replies = await SayAsync(text, locale);

        var card = replies.First(r => r.Card is not null);
        Assert.Contains(days, card.AllText);
        Assert.Contains(months, card.AllText);
        Assert.Contains("privacy@zaanstad.example", card.AllText);
        Assert.Contains(locale == "nl-NL" ? "nooit nodig" : "never needs", card.AllText);
        var problems = await AdaptiveCardRenderer.CheckAsync([("privacy", card.Card!)]);
        Assert.Empty(problems.SelectMany(p => p.Value));
    }

    [Fact]
    public async Task Its_button_asks_whether_to_delete_the_data()
    {
        var card = (await SayAsync("privacy", "nl-NL")).First(r => r.Card is not null);

        var asked = await SayAsync(null, "nl-NL", card.ButtonData("Wis mijn gegevens"));

        Assert.Contains("Wil je dat ik je gegevens wis?", asked[^1].AllText);
    }

    private Task<IReadOnlyList<BotReply>> SayAsync(string? text, string locale, Newtonsoft.Json.Linq.JObject? value = null) =>
        HttpChat.Personal(() => _host, _connector, "a:privacy-" + locale, locale: locale).SayAsync(text, value);
}
