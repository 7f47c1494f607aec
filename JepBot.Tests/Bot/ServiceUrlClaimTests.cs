using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using JepBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace JepBot.Tests.Bot;

/// <summary>
/// With an app id configured, the Bot Framework token of a channel request names the serviceUrl the bot may answer
/// on (claim "serviceurl"), and the SDK's validation refuses a request whose activity names another one: the bot never
/// calls a serviceUrl the token does not allow. Proven over HTTP with a token signed by a local stand-in for the Bot
/// Framework's OpenID metadata (HTTPS on 127.0.0.1, its own key, endorsed for msteams).
/// </summary>
public sealed class ServiceUrlClaimTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string KeyId = "jepbot-test-key";

    private readonly RSA _signing = RSA.Create(2048);
    private X509Certificate2 _tls = null!;
    private WebApplication _metadata = null!;
    private RecordingConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _tls = SelfSigned();

        // The SDK fetches the metadata with its own HttpClient: the stand-in's certificate is trusted for this user
        // while the test runs (.NET on Linux keeps CurrentUser\Root in its own store) and removed afterwards.
        using (var root = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            root.Open(OpenFlags.ReadWrite);
            root.Add(X509CertificateLoader.LoadCertificate(_tls.Export(X509ContentType.Cert)));
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(_tls)));
        _metadata = builder.Build();
        string Base(HttpContext c) => $"https://{c.Request.Host}";
        var parameters = _signing.ExportParameters(false);
        _metadata.MapGet("/.well-known/openid-configuration", (HttpContext c) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = Base(c) + "/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        _metadata.MapGet("/keys", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = new[] { "msteams" },
                },
            },
        }));
        await _metadata.StartAsync();
        var address = _metadata.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var thumbprint = _tls.GetCertHashString();
        _host = new BotHost(
            BotHost.NewDatabasePath(),
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                // Setting one of the Bot Framework's endpoints makes the SDK take all of them from configuration: the
                // public cloud's values, with only the channel metadata pointing at the local stand-in.
                ["ToBotFromChannelOpenIdMetadataUrl"] = address + "/.well-known/openid-configuration",
                ["ToBotFromChannelTokenIssuer"] = "https://api.botframework.com",
                ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
                ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
                ["OAuthUrl"] = "https://api.botframework.com",
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
                ["CallerId"] = "urn:botframework:azure",
                ["ValidateAuthority"] = "true",
            },
            environment: "Production",
            services: s => s.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
            })));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _metadata.DisposeAsync();
        await _connector.DisposeAsync();
        using (var root = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            root.Open(OpenFlags.ReadWrite);
            root.Remove(X509CertificateLoader.LoadCertificate(_tls.Export(X509ContentType.Cert)));
        }

        _tls.Dispose();
        _signing.Dispose();
    }

    [Fact]
    public async Task A_request_whose_serviceUrl_the_token_does_not_name_is_refused_and_nothing_is_called()
    {
        var response = await PostAsync(tokenServiceUrl: "https://smba.trafficmanager.net/emea/", activityServiceUrl: _connector.ServiceUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task The_same_token_for_the_serviceUrl_it_names_passes_the_check()
    {
        // Control: the token and the stand-in metadata are valid; only the serviceUrl made the difference above.
        var response = await PostAsync(tokenServiceUrl: _connector.ServiceUrl, activityServiceUrl: _connector.ServiceUrl);

        Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, string.Join("\n", _host.Logs.Lines.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal)).TakeLast(8)));
        Assert.True((int)response.StatusCode < 500);
    }

    private async Task<HttpResponseMessage> PostAsync(string tokenServiceUrl, string activityServiceUrl)
    {
        var now = DateTime.UtcNow;
        var token = new JwtSecurityTokenHandler().CreateEncodedJwt(
            issuer: "https://api.botframework.com",
            audience: AppId,
            subject: new ClaimsIdentity([new Claim("serviceurl", tokenServiceUrl)]),
            notBefore: now.AddMinutes(-5),
            expires: now.AddMinutes(30),
            issuedAt: now,
            signingCredentials: new SigningCredentials(new RsaSecurityKey(_signing) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256));
        var activity = Activities.Message(activityServiceUrl, "a:claims-1", "hallo");
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
