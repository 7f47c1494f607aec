using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>
/// Wraps the Bot Framework authentication so that a turn builds no client it does not need: connector clients are
/// reused per service URL (<see cref="ReusableConnectorClients"/>) and the user token client, which the adapter
/// asks for on every turn and JepBot never uses, is only built on first use (<see cref="LazyUserTokenClient"/>).
/// </summary>
/// <remarks>
/// JepBot puts this around <see cref="SharedContractResolverAuthentication"/>. It is kept apart from that fix on
/// purpose: the benchmark's "tuned echo" baseline is the echo bot with the contract resolver fix alone.
/// </remarks>
public sealed class LeanTurnAuthentication(BotFrameworkAuthentication inner, ReusableConnectorClients clients) : BotFrameworkAuthentication
{
    public ReusableConnectorClients Clients => clients;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = new ReusingConnectorFactory(result.ConnectorFactory, clients);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = new ReusingConnectorFactory(result.ConnectorFactory, clients);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusingConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), clients);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private sealed class ReusingConnectorFactory(ConnectorFactory inner, ReusableConnectorClients clients) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            clients.GetAsync(serviceUrl, audience, () => inner.CreateAsync(serviceUrl, audience, cancellationToken));
    }
}
