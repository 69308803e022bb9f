using System.Diagnostics.CodeAnalysis;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// A value that is parsed from text once, at the edge, and carried as a validated type afterwards.
/// </summary>
/// <typeparam name="TSelf">The value type itself.</typeparam>
public interface IStringValue<TSelf>
    where TSelf : class, IStringValue<TSelf>
{
    /// <summary>The canonical text form: what is stored and sent on the wire.</summary>
    string Value { get; }

    /// <summary>Parses (and normalises) text; <see langword="false"/> when it is not a valid value.</summary>
    static abstract bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TSelf? value);
}
