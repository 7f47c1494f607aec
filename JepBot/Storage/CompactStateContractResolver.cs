using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace JepBot.Storage;

/// <summary>
/// Leaves out of stored state every property whose value is what a new instance of its class starts with
/// (null, an empty list, false, or the initializer's value), so reading it back gives the same object.
/// </summary>
/// <remarks>
/// Why: state is read and written on every turn and kept per conversation; most properties of a waiting
/// question or a step visit are at their starting value. Newtonsoft's own DefaultValueHandling compares with the
/// type's default (0 for a property that starts at 1000), which would turn a stored 0 into 1000 on reading; this
/// compares with a new instance instead. Only classes with a public parameterless constructor take part. A
/// property marked <c>[JsonProperty(DefaultValueHandling = DefaultValueHandling.Include)]</c> is always written
/// (a schema number must be stored even when it is the current one, or a later version would read it as its own).
/// </remarks>
internal sealed class CompactStateContractResolver : DefaultContractResolver
{
    private static readonly ConcurrentDictionary<Type, object?> Fresh = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        var owner = member.DeclaringType;
        if (owner is null || property.DefaultValueHandling == DefaultValueHandling.Include || property.ShouldSerialize is not null
            || !property.Readable || property.ValueProvider is null || NewInstance(owner) is not { } fresh)
        {
            return property;
        }

        var provider = property.ValueProvider;
        var initial = provider.GetValue(fresh);
        property.ShouldSerialize = instance => !IsSame(provider.GetValue(instance), initial);
        return property;
    }

    private static object? NewInstance(Type type) => Fresh.GetOrAdd(type, static t =>
        t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is { IsPublic: true } constructor ? constructor.Invoke(null) : null);

    private static bool IsSame(object? value, object? initial) => (value, initial) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (JToken token, JToken start) => JToken.DeepEquals(token, start),
        (string text, string start) => text == start,
        (ICollection collection, ICollection start) => collection.Count == 0 && start.Count == 0,
        _ when value.GetType().IsValueType => value.Equals(initial),
        _ => false,
    };
}
