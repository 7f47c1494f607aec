namespace JepBot.Dialogs.Engine;

/// <summary>All dialogs the bot knows, by id. Saved state that names a dialog not in here is treated as outdated.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, WaterfallDialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(WaterfallDialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already registered.", nameof(dialog));
        }

        return this;
    }

    public WaterfallDialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public WaterfallDialog Get(string id) => Find(id) ?? throw new KeyNotFoundException($"No dialog '{id}'.");

    public IEnumerable<WaterfallDialog> All => _dialogs.Values;
}
