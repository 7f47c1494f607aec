using JepBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace JepBot.Benchmarks;

/// <summary>
/// The echo baselines, run as their own process (<c>--serve-echo stock|tuned URL</c>): an <see cref="ActivityHandler"/>
/// echo bot on <see cref="CloudAdapter"/> with <see cref="ConfigurationBotFrameworkAuthentication"/>, as the SDK samples
/// configure it; "tuned" wraps the authentication in JepBot's <see cref="SharedContractResolverAuthentication"/>.
/// </summary>
public static class EchoServer
{
    public static async Task RunAsync(string variant, string url)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var auth = new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
        }).Build());
        BotFrameworkAuthentication used = variant == "tuned" ? new SharedContractResolverAuthentication(auth) : auth;
        builder.Services.AddSingleton(used);
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
        builder.Services.AddTransient<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(http.Request, http.Response, bot));
        await app.RunAsync();
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
        {
            var replyText = $"Echo: {turnContext.Activity.Text}";
            await turnContext.SendActivityAsync(MessageFactory.Text(replyText, replyText), cancellationToken);
        }
    }
}
