namespace JepBot.Storage;

/// <summary>Tells /healthz whether the state store answers.</summary>
public interface IStoreHealth
{
    string StoreName { get; }

    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
