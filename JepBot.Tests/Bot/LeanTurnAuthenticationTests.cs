using JepBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace JepBot.Tests.Bot;

/// <summary>A turn builds no client it does not need: connector clients are reused, the user token client is deferred.</summary>
public sealed class LeanTurnAuthenticationTests
{
    [Fact]
    public async Task Turns_to_one_service_url_share_one_connector_client_that_keeps_working_after_the_adapters_dispose()
    {
        await using var connector = await JepBot.Tests.Support.RecordingConnector.StartAsync();
        var clients = new ReusableConnectorClients();
        var adapter = new SharedContractResolverTests.ProbeAdapter(Lean(clients));
        var seen = new List<IConnectorClient>();
        var other = connector.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        foreach (var (id, url) in new[] { ("1", connector.ServiceUrl), ("2", connector.ServiceUrl), ("3", other) })
        {
            // Each turn replies through its client; the adapter disposes the client when the turn ends.
            await adapter.RunAsync(Message(id, url), async (context, ct) =>
            {
                seen.Add(context.TurnState.Get<IConnectorClient>());
                await context.SendActivityAsync("antwoord " + id, cancellationToken: ct);
            });
        }

        Assert.Same(seen[0], seen[1]);
        Assert.NotSame(seen[0], seen[2]);
        Assert.Equal(2, clients.Created);
        Assert.IsAssignableFrom<ConnectorClient>(seen[0]);
        Assert.Same(SharedContractResolverConnectorFactory.SerializationResolver, seen[0].SerializationSettings.ContractResolver);
        var replies = await connector.WaitForAsync(3);
        Assert.Equal(["antwoord 1", "antwoord 2", "antwoord 3"], replies.Select(r => r.Reply.Text).Order());
    }

    [Fact]
    public async Task A_client_is_renewed_after_its_lifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z"));
        var clients = new ReusableConnectorClients(clock);
        var factory = Lean(clients).CreateConnectorFactory(new System.Security.Claims.ClaimsIdentity());

        var first = await factory.CreateAsync("http://127.0.0.1:9/a/", null, CancellationToken.None);
        clock.Advance(ReusableConnectorClients.Lifetime - TimeSpan.FromSeconds(1));
        var same = await factory.CreateAsync("http://127.0.0.1:9/a/", null, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var renewed = await factory.CreateAsync("http://127.0.0.1:9/a/", null, CancellationToken.None);

        Assert.Same(first, same);
        Assert.NotSame(first, renewed);
        Assert.Equal(2, clients.Created);
    }

    [Fact]
    public async Task Past_the_entry_limit_a_turn_gets_a_client_of_its_own()
    {
        var clients = new ReusableConnectorClients();
        var factory = Lean(clients).CreateConnectorFactory(new System.Security.Claims.ClaimsIdentity());
        for (var i = 0; i < ReusableConnectorClients.MaxEntries; i++)
        {
            await factory.CreateAsync($"http://127.0.0.1:9/{i}/", null, CancellationToken.None);
        }

        var extra1 = await factory.CreateAsync("http://127.0.0.1:9/extra/", null, CancellationToken.None);
        var extra2 = await factory.CreateAsync("http://127.0.0.1:9/extra/", null, CancellationToken.None);
        var kept = await factory.CreateAsync("http://127.0.0.1:9/0/", null, CancellationToken.None);

        Assert.NotSame(extra1, extra2);
        Assert.Equal(ReusableConnectorClients.MaxEntries + 2, clients.Created);
        Assert.Equal(new Uri("http://127.0.0.1:9/0/"), kept.BaseUri);
    }

    [Fact]
    public async Task A_turn_does_not_build_the_user_token_client_until_something_asks_for_a_token()
    {
        var adapter = new SharedContractResolverTests.ProbeAdapter(Lean(new ReusableConnectorClients()));
        LazyUserTokenClient? seen = null;

        await adapter.RunAsync(Message("lazy", "http://127.0.0.1:9/"), (context, _) =>
        {
            seen = Assert.IsType<LazyUserTokenClient>(context.TurnState.Get<UserTokenClient>());
            return Task.CompletedTask;
        });

        Assert.NotNull(seen);
        Assert.False(seen!.Created);
    }

    [Fact]
    public async Task The_lazy_user_token_client_hands_calls_to_the_real_one_it_creates_on_first_use()
    {
        var created = 0;
        var real = new RecordingUserTokenClient();
        using var client = new LazyUserTokenClient(() => { created++; return Task.FromResult<UserTokenClient>(real); });

        var first = await client.GetUserTokenAsync("u", "conn", "msteams", "123456", CancellationToken.None);
        await client.SignOutUserAsync("u", "conn", "msteams", CancellationToken.None);

        Assert.True(client.Created);
        Assert.Equal(1, created);
        Assert.Equal("token-for-u", first.Token);
        Assert.Equal(["GetUserToken u conn", "SignOut u conn"], real.Calls);
    }

    private static LeanTurnAuthentication Lean(ReusableConnectorClients clients) =>
        new(new SharedContractResolverAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().AddInMemoryCollection().Build())), clients);

    private static Activity Message(string id, string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "c" },
        From = new ChannelAccount { Id = "u" },
        Recipient = new ChannelAccount { Id = "b" },
        Text = "hi",
    };

    private sealed class RecordingUserTokenClient : UserTokenClient
    {
        public List<string> Calls { get; } = [];

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken)
        {
            Calls.Add($"GetUserToken {userId} {connectionName}");
            return Task.FromResult(new TokenResponse { Token = "token-for-" + userId });
        }

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        {
            Calls.Add($"SignOut {userId} {connectionName}");
            return Task.CompletedTask;
        }

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
