using JepBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Serialization;

namespace JepBot.Tests.Bot;

/// <summary>The performance fix: connector clients of consecutive turns share one contract resolver (docs/performance.md).</summary>
public sealed class SharedContractResolverTests
{
    [Fact]
    public async Task Two_consecutive_turns_connector_clients_share_one_contract_resolver()
    {
        var resolvers = await ResolversOfTwoTurnsAsync(new SharedContractResolverAuthentication(LocalAuthentication()));

        Assert.NotSame(resolvers[0].Client, resolvers[1].Client);
        Assert.Same(resolvers[0].Serialization, resolvers[1].Serialization);
        Assert.Same(resolvers[0].Deserialization, resolvers[1].Deserialization);
        Assert.Same(SharedContractResolverConnectorFactory.SerializationResolver, resolvers[0].Serialization);
    }

    [Fact]
    public async Task Without_the_fix_each_turn_builds_new_resolvers()
    {
        var resolvers = await ResolversOfTwoTurnsAsync(LocalAuthentication());

        Assert.NotSame(resolvers[0].Serialization, resolvers[1].Serialization);
    }

    [Fact]
    public async Task The_hosts_authentication_keeps_the_fix()
    {
        await using var host = new JepBot.Tests.Support.BotHost(JepBot.Tests.Support.BotHost.NewDatabasePath());
        var registered = (BotFrameworkAuthentication)host.Services.GetService(typeof(BotFrameworkAuthentication))!;

        var resolvers = await ResolversOfTwoTurnsAsync(registered, serviceUrl: "http://127.0.0.1:9/host/");

        Assert.IsType<LeanTurnAuthentication>(registered);
        Assert.Same(SharedContractResolverConnectorFactory.SerializationResolver, resolvers[0].Serialization);
        Assert.Same(SharedContractResolverConnectorFactory.DeserializationResolver, resolvers[1].Deserialization);
    }

    private static BotFrameworkAuthentication LocalAuthentication() =>
        new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().AddInMemoryCollection().Build());

    private static async Task<List<(object Client, IContractResolver Serialization, IContractResolver Deserialization)>> ResolversOfTwoTurnsAsync(BotFrameworkAuthentication authentication, string serviceUrl = "http://127.0.0.1:9/")
    {
        var adapter = new ProbeAdapter(authentication);
        var seen = new List<(object, IContractResolver, IContractResolver)>();
        for (var i = 0; i < 2; i++)
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = "a" + i,
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                Conversation = new ConversationAccount { Id = "c" },
                From = new ChannelAccount { Id = "u" },
                Recipient = new ChannelAccount { Id = "b" },
                Text = "hi",
            };
            await adapter.RunAsync(activity, (context, _) =>
            {
                var client = (ConnectorClient)context.TurnState.Get<IConnectorClient>();
                if (seen.Count == 1 && authentication is LeanTurnAuthentication)
                {
                    // The host reuses one client for both turns (LeanTurnAuthenticationTests); the resolvers are still the shared ones.
                    Assert.Same(seen[0].Item1, client);
                }

                seen.Add((client, client.SerializationSettings.ContractResolver!, client.DeserializationSettings.ContractResolver!));
                return Task.CompletedTask;
            });
        }

        return seen;
    }

    /// <summary>Runs activities through the same authenticated path the host uses (the request's own connector factory).</summary>
    internal sealed class ProbeAdapter(BotFrameworkAuthentication authentication) : CloudAdapter(authentication)
    {
        public async Task RunAsync(Activity activity, BotCallbackHandler callback)
        {
            var result = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
            await ProcessActivityAsync(result, activity, callback, CancellationToken.None);
        }
    }
}
