using JepBot.Dialogs.Installations;
using JepBot.Bot;
using JepBot.Dialogs;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using JepBot.Handoff;
using JepBot.Refresh;
using JepBot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace JepBot.Hosting;

/// <summary>Composition of the host: authentication, adapter, state, conversation and bot.</summary>
public static class JepBotServiceCollectionExtensions
{
    public static IServiceCollection AddJepBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpClient();

        // Traces and metrics (OpenTelemetry): OTLP when configured, the console in Development (docs/telemetry.md).
        services.AddJepBotTelemetry(configuration, environment);

        // State, requests and installations: SQLite or Azure, by Storage:Provider (StorageRegistration).
        services.AddJepBotStorage(configuration, environment);

        // Reads MicrosoftAppType/AppId/AppPassword/AppTenantId; with no app id it accepts unauthenticated local traffic.
        // Wrapped twice for speed (docs/performance.md): one contract resolver for all clients, and no client built per turn.
        services.AddSingleton(sp => new ReusableConnectorClients(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BotFrameworkAuthentication>(sp => new LeanTurnAuthentication(
            new SharedContractResolverAuthentication(
                new ConfigurationBotFrameworkAuthentication(
                    configuration,
                    httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                    logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())),
            sp.GetRequiredService<ReusableConnectorClients>()));

        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        // Handoffs: requests in the request store, an outbox that delivers them to the advisors' channel.
        services.AddOptions<HandoffOptions>()
            .Bind(configuration.GetSection(HandoffOptions.Section))
            .Validate(o => o.PollSeconds > 0 && o.FirstRetrySeconds > 0 && o.MaxRetrySeconds >= o.FirstRetrySeconds && o.DeliveryTimeoutSeconds > 0, "Handoff: PollSeconds, FirstRetrySeconds and DeliveryTimeoutSeconds must be positive, and MaxRetrySeconds at least FirstRetrySeconds.")
            .Validate(o => !o.Email.Enabled || EmailCopyOptions.IsValid(o.Email), "Handoff:Email: Security must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect, Port 1-65535, and To (and From, when set) e-mail addresses.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DeliveryTrigger>();
        services.AddSingleton<IDeliveryTrigger>(sp => sp.GetRequiredService<DeliveryTrigger>());
        services.AddSingleton(sp => Localizer.Default);
        services.AddSingleton<AdvisorMessenger>();
        services.AddSingleton<EmailCopySender>();
        services.AddSingleton<AdvisorDesk>();
        services.AddSingleton<JepBot.Teams.InstallationRecorder>();
        services.AddSingleton<JepBot.Teams.PrivateChatOpener>();
        services.Configure<JepBot.Municipalities.MunicipalityOptions>(configuration.GetSection(JepBot.Municipalities.MunicipalityOptions.Section));
        services.AddSingleton<IMunicipalContacts, JepBot.Municipalities.MunicipalContacts>();
        services.AddSingleton<JepBot.Municipalities.SettingsCodeGate>();
        services.AddSingleton<JepBot.Municipalities.MunicipalDesk>();
        services.AddSingleton<HandoffDeliveryService>();

        // Insight: counts per municipality and month, held per turn and counted after its save (docs/insight.md).
        services.AddSingleton(sp => JepBot.Dialogs.Insight.InsightCatalog.Default);
        services.AddSingleton<JepBot.Insight.InsightMunicipalities>();
        services.AddSingleton<JepBot.Insight.InsightRecorder>();
        services.AddSingleton<JepBot.Dialogs.Insight.IInsightRecorder>(sp => sp.GetRequiredService<JepBot.Insight.InsightRecorder>());
        services.AddSingleton<JepBot.Insight.InsightDesk>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffDeliveryService>());

        // Retention: state and resolved requests are deleted after their periods (docs/data-inventory.md).
        services.AddOptions<JepBot.Retention.RetentionOptions>()
            .Bind(configuration.GetSection(JepBot.Retention.RetentionOptions.Section))
            .Validate(JepBot.Retention.RetentionOptions.IsValid, "Retention: StateDays and ResolvedRequestDays must be at least 1, IntervalHours positive.")
            .ValidateOnStart();
        services.AddSingleton<JepBot.Retention.RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<JepBot.Retention.RetentionService>());

        // Knowledge refresh: a card per period in the channels that switched it on (docs/knowledge-refresh.md).
        services.AddOptions<RefreshOptions>()
            .Bind(configuration.GetSection(RefreshOptions.Section))
            .Validate(RefreshOptions.IsValid, "Refresh: PollSeconds and ClaimSeconds must be positive, Hour 0-23 and DayOfMonth 1-28.")
            .ValidateOnStart();
        services.AddSingleton(sp => RefreshItems.FromContent(JepBot.Dialogs.Content.LegalFramesValidator.Default, JepBot.Dialogs.Content.PracticeCasesValidator.Default));
        services.AddSingleton<IRefreshPoster, ChannelRefreshPoster>();
        services.AddSingleton<RefreshDesk>();
        services.AddSingleton<RefreshScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RefreshScheduler>());

        services.AddSingleton(sp => new JepConversation(
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<UserState>(),
            handoffStore: sp.GetRequiredService<IHandoffStore>(),
            deliveryTrigger: sp.GetRequiredService<IDeliveryTrigger>(),
            municipalContacts: sp.GetRequiredService<IMunicipalContacts>(),
            insight: sp.GetRequiredService<JepBot.Dialogs.Insight.IInsightRecorder>(),
            privacy: PrivacyTerms(sp)));
        services.AddSingleton<ConversationTurnGate>();
        services.Configure<JepBot.Privacy.PrivacyOptions>(configuration.GetSection(JepBot.Privacy.PrivacyOptions.Section));
        services.Configure<GuardOptions>(configuration.GetSection(GuardOptions.Section));
        services.AddSingleton<AccessGuard>();

        // Built explicitly: CloudAdapter has several constructors and DI cannot choose between them.
        services.AddSingleton(sp => new JepBotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<JepBotAdapter>>(),
            sp.GetRequiredService<JepConversation>(),
            sp.GetRequiredService<ConversationState>()));
        services.AddSingleton<IBot, JepTeamsBot>();
        return services;
    }

    /// <summary>Clear warnings when the bot is open to more than it should be in production: no app id, no tenant allow-list.</summary>
    public static void LogAccessMode(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AccessGuard>().RestrictsTenants)
        {
            app.Logger.LogWarning("No tenant allow-list (Guard:AllowedTenants) is configured: JepBot answers users of every Microsoft 365 organisation.");
        }

        if (string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"]))
        {
            app.Logger.LogWarning(
                "JepBot runs in LOCAL DEVELOPMENT MODE: no MicrosoftAppId is configured, so requests to {Route} are accepted without authentication. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId before exposing this endpoint.",
                MessagesEndpoint.Route);
        }
    }

    /// <summary>What the privacy card says, from the periods the retention job enforces and the configured contact.</summary>
    private static JepBot.Dialogs.Flows.Privacy.PrivacyTerms PrivacyTerms(IServiceProvider sp)
    {
        var retention = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JepBot.Retention.RetentionOptions>>().Value;
        var contact = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<JepBot.Privacy.PrivacyOptions>>().Value.Contact;
        return new(retention.StateDays, retention.ResolvedRequestDays, contact);
    }
}
