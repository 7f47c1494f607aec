using JepBot.Storage;

namespace JepBot.Hosting;

/// <summary><c>GET /healthz</c>: 200 when the state store answers, 503 when it does not.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IStoreHealth store, CancellationToken cancellationToken) =>
        {
            bool reachable;
            try
            {
                reachable = await store.IsReachableAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                reachable = false;
            }

            var body = new { status = reachable ? "ok" : "unavailable", store = store.StoreName, storeReachable = reachable };
            return reachable ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
