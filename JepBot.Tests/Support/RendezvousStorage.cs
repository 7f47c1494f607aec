using Microsoft.Bot.Builder;

namespace JepBot.Tests.Support;

/// <summary>A store that lets a <see cref="ReadRendezvous"/> hold reads until concurrent turns have all read.</summary>
public sealed class RendezvousStorage(IStorage inner, ReadRendezvous rendezvous) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        var items = await inner.ReadAsync(keys, cancellationToken);
        await rendezvous.AfterReadAsync(keys);
        return items;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
    {
        var items = await inner.ReadAsync<TStoreItem>(keys, cancellationToken);
        await rendezvous.AfterReadAsync(keys);
        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}
