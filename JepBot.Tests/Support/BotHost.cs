using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>
/// The real JepBot host (Program.cs, all its services) in process, on its own temporary SQLite file,
/// with its replies going to a <see cref="RecordingConnector"/>. Two hosts on the same file simulate a restart.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Changes to the host's services after its own, e.g. a store wrapped to steer timing.</param>
    public BotHost(string databasePath, IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        _environment = environment;
        _services = services;
        DatabasePath = databasePath;
        _settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = databasePath };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "jepbot-tests", Guid.NewGuid().ToString("N"), "jepbot.db");

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JObject activity, string? bearer = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? contentType = "application/json")
    {
        using var client = CreateClient();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync("/api/messages", content);
    }
}
