using System.Net;
using JepBot.Tests.Support;

namespace JepBot.Tests.Bot;

/// <summary>With an app id configured, only requests with a valid Bot Framework token get through.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _host = new BotHost(BotHost.NewDatabasePath(), new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "66666666-7777-8888-9999-000000000000",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Request_without_authorization_header_is_rejected_with_401()
    {
        var response = await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-auth", "hallo"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task Request_with_a_forged_token_is_rejected_with_401()
    {
        // A syntactically valid JWT signed with nothing Microsoft would accept.
        const string forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImZvcmdlZCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMTExMTExMTEtMjIyMi0zMzMzLTQ0NDQtNTU1NTU1NTU1NTU1IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl";

        var response = await _host.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "conv-auth", "hallo"), forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task Without_an_app_id_the_host_warns_once_that_it_runs_in_local_development_mode()
    {
        await using var local = new BotHost(BotHost.NewDatabasePath());
        using var client = local.CreateClient();

        Assert.Single(local.Logs.Lines, l => l.Contains("LOCAL DEVELOPMENT MODE", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("LOCAL DEVELOPMENT MODE", StringComparison.Ordinal));
    }
}
