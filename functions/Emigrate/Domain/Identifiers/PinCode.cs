using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Emigrate.Domain.Identifiers;

/// <summary>An Indian postal index number: six digits, not starting with 0.</summary>
[JsonConverter(typeof(StringValueJsonConverter<PinCode>))]
public sealed partial record PinCode : IStringValue<PinCode>
{
    private PinCode(string value) => Value = value;

    /// <inheritdoc />
    public string Value { get; }

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PinCode? value)
    {
        var candidate = text?.Trim();
        value = candidate is not null && Pattern().IsMatch(candidate) ? new PinCode(candidate) : null;
        return value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^[1-9][0-9]{5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
