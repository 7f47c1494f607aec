using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Serialization;

namespace JepBot.Bot;

/// <summary>
/// Wraps the Bot Framework authentication so that every connector client it hands out shares one JSON
/// contract resolver. The stock stack builds a new <see cref="ConnectorClient"/> per turn, and each new client
/// brings new resolvers, so Newtonsoft re-reflects every Activity type on every reply: about 18 ms of CPU per
/// turn, measured as 118 vs 3,786 echo turns/s (see docs/performance.md). The resolvers cache contracts and are
/// safe to share; the clients are not cached, because the adapter disposes them at the end of each turn.
/// </summary>
public sealed class SharedContractResolverAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = SharedContractResolverConnectorFactory.Wrap(result.ConnectorFactory);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = SharedContractResolverConnectorFactory.Wrap(result.ConnectorFactory);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        SharedContractResolverConnectorFactory.Wrap(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);
}

/// <summary>Creates connector clients as the inner factory does, then points them at the shared resolvers.</summary>
public sealed class SharedContractResolverConnectorFactory : ConnectorFactory
{
    /// <summary>One resolver for all outgoing serialisation, one for all incoming: the same types as the SDK's own.</summary>
    public static readonly IContractResolver SerializationResolver = new ReadOnlyJsonContractResolver();

    public static readonly IContractResolver DeserializationResolver = new ReadOnlyJsonContractResolver();

    private readonly ConnectorFactory _inner;

    private SharedContractResolverConnectorFactory(ConnectorFactory inner) => _inner = inner;

    public static ConnectorFactory Wrap(ConnectorFactory factory) =>
        factory is null or SharedContractResolverConnectorFactory ? factory! : new SharedContractResolverConnectorFactory(factory);

    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await _inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (client is ConnectorClient connectorClient)
        {
            connectorClient.SerializationSettings.ContractResolver = SerializationResolver;
            connectorClient.DeserializationSettings.ContractResolver = DeserializationResolver;
        }

        return client;
    }
}
