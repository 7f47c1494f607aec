namespace JepBot.Storage;

/// <summary>
/// A write was refused because the stored item changed since it was read (its ETag no longer matches),
/// or because an insert-only write found the key already taken. The message names the key, never the value.
/// </summary>
public sealed class StoragePreconditionFailedException(string key)
    : Exception($"The stored item '{key}' was changed by someone else; read it again before writing.")
{
    public string Key { get; } = key;
}
