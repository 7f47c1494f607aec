using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine.State;

/// <summary>
/// A typed state property over any <see cref="IStorage"/>. Stores that keep JSON hand back a <see cref="JObject"/>
/// instead of the object that was saved; this accessor converts it once per turn and caches the typed object,
/// so dialogs always see their own types. It throws <see cref="Newtonsoft.Json.JsonException"/> when stored
/// data no longer fits the type, which the engine treats as outdated state.
/// </summary>
public sealed class JsonStateProperty<T> : IStatePropertyAccessor<T>
    where T : class
{
    private readonly IStatePropertyAccessor<object> _inner;

    public JsonStateProperty(BotState state, string name)
    {
        _inner = state.CreateProperty<object>(name);
        Name = name;
    }

    public string Name { get; }

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        var value = await _inner.GetAsync(turnContext, defaultValueFactory is null ? null : () => defaultValueFactory(), cancellationToken).ConfigureAwait(false);
        switch (value)
        {
            case T typed:
                return typed;
            case JToken token:
                var converted = token.ToObject<T>() ?? throw new Newtonsoft.Json.JsonSerializationException($"Stored '{Name}' is empty.");
                await _inner.SetAsync(turnContext, converted, cancellationToken).ConfigureAwait(false);
                return converted;
            case null when defaultValueFactory is not null:
                var fresh = defaultValueFactory();
                await _inner.SetAsync(turnContext, fresh, cancellationToken).ConfigureAwait(false);
                return fresh;
            default:
                throw new Newtonsoft.Json.JsonSerializationException($"Stored '{Name}' has an unexpected type.");
        }
    }

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        _inner.SetAsync(turnContext, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(turnContext, cancellationToken);
}
