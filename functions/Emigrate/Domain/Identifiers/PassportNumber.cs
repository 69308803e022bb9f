using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Emigrate.Domain.Privacy;

namespace Emigrate.Domain.Identifiers;

/// <summary>An Indian passport number: one letter and seven digits, e.g. <c>K1234567</c>.</summary>
[JsonConverter(typeof(StringValueJsonConverter<PassportNumber>))]
public sealed partial record PassportNumber : IStringValue<PassportNumber>
{
    private PassportNumber(string value) => Value = value;

    /// <inheritdoc />
    public string Value { get; }

    /// <summary>Accepts surrounding spaces and lower case (<c> k1234567 </c>), as operators type it.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PassportNumber? value)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        value = candidate is not null && Pattern().IsMatch(candidate) ? new PassportNumber(candidate) : null;
        return value is not null;
    }

    /// <summary>The masked form, so a passport number never lands in a log by accident.</summary>
    public override string ToString() => LogMask.Passport(Value);

    [GeneratedRegex(@"^[A-Z][0-9]{7}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
