using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Emigrate.Domain;

/// <summary>
/// The wire name of an enum member, from its <see cref="JsonStringEnumMemberNameAttribute"/>, so messages and
/// JSON can never disagree.
/// </summary>
internal static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<T>(T value)
        where T : struct, Enum =>
        Cache.GetOrAdd(value, static v =>
            v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{v.GetType().Name}.{v} has no wire name."));

    /// <summary>The member whose wire name is <paramref name="name"/>; false when none has it.</summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        foreach (T candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
