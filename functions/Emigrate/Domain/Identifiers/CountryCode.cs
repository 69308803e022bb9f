using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// An ISO 3166-1 alpha-2 country code (<c>AE</c>). Only the shape is checked here; whether the country is an
/// ECR destination is an eligibility rule over the reference data.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<CountryCode>))]
public sealed partial record CountryCode : IStringValue<CountryCode>
{
    private CountryCode(string value) => Value = value;

    /// <inheritdoc />
    public string Value { get; }

    /// <summary>Accepts lower case and surrounding spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out CountryCode? value)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        value = candidate is not null && Pattern().IsMatch(candidate) ? new CountryCode(candidate) : null;
        return value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
