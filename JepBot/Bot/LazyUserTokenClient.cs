using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>
/// A <see cref="UserTokenClient"/> that creates the real one only when a turn first asks for a user token.
/// </summary>
/// <remarks>
/// The adapter creates a user token client for every turn, and the real one builds an HTTP service client whose
/// constructor compiles a regular expression for its User-Agent header: about a tenth of a JepBot turn's CPU and
/// allocations in a profile (docs/performance.md). JepBot never signs users in, so that client is normally never
/// used; when something does use it, it is created then, exactly as the SDK would have.
/// </remarks>
public sealed class LazyUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True once the real client was asked for (tests check that an ordinary turn never does).</summary>
    public bool Created => _inner.IsValueCreated;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await _inner.Value.ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await _inner.Value.ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await _inner.Value.ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await _inner.Value.ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await _inner.Value.ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await _inner.Value.ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner.IsValueCreated && _inner.Value.IsCompletedSuccessfully)
        {
            _inner.Value.Result.Dispose();
        }

        base.Dispose(disposing);
    }
}
