using System.Net;
using JepBot.Tests.Support;

namespace JepBot.Tests.Bot;

/// <summary>Who may use the bot: other tenants get one polite refusal and nothing is processed; only Teams in production.</summary>
public sealed class GuardTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task A_tenant_not_on_the_allow_list_gets_one_refusal_and_nothing_is_stored()
    {
        await using var host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?> { ["Guard:AllowedTenants:0"] = "tenant-zaanstad" });
        var message = Activities.Message(_connector.ServiceUrl, "a:other-tenant", "zorg");
        message["conversation"]!["tenantId"] = "tenant-elsewhere";
        message["channelData"]!["tenant"]!["id"] = "tenant-elsewhere";

        var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = Assert.Single(_connector.Received);
        Assert.Contains("niet beschikbaar voor jouw organisatie", refusal.Reply.Text);
        Assert.DoesNotContain("a:other-tenant", await File.ReadAllTextAsync(host.DatabasePath));
        Assert.Contains(host.Logs.Lines, l => l.Contains("tenant-elsewhere", StringComparison.Ordinal) && l.Contains("allow-list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_on_the_allow_list_is_served_and_an_empty_list_warns_at_start_up()
    {
        await using var restricted = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?> { ["Guard:AllowedTenants:0"] = "TENANT-1" });
        await restricted.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "a:allowed", "hallo"));
        Assert.Contains(_connector.Received, r => r.ConversationId == "a:allowed" && r.Reply.AllText.Contains("Waarmee kan ik je helpen?", StringComparison.Ordinal));
        Assert.DoesNotContain(restricted.Logs.Lines, l => l.Contains("No tenant allow-list", StringComparison.Ordinal));

        await using var open = new BotHost(BotHost.NewDatabasePath());
        open.CreateClient().Dispose();
        Assert.Single(open.Logs.Lines, l => l.Contains("No tenant allow-list", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", "msteams", HttpStatusCode.OK)]
    [InlineData("Production", "emulator", HttpStatusCode.Forbidden)]
    [InlineData("Production", "test", HttpStatusCode.Forbidden)]
    [InlineData("Development", "emulator", HttpStatusCode.OK)]
    [InlineData("Development", "test", HttpStatusCode.OK)]
    [InlineData("Development", "slack", HttpStatusCode.Forbidden)]
    public async Task Only_teams_is_served_in_production_and_local_clients_only_in_development(string environment, string channel, HttpStatusCode expected)
    {
        await using var host = new BotHost(BotHost.NewDatabasePath(), environment: environment);
        var message = Activities.Message(_connector.ServiceUrl, "a:channel-" + channel, "hallo");
        message["channelId"] = channel;

        var response = await host.PostActivityAsync(message);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, _connector.Received.Any(r => r.ConversationId == "a:channel-" + channel));
    }
}
