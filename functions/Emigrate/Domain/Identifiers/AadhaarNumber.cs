using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Emigrate.Domain.Privacy;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// A syntactically valid Aadhaar number, held only long enough to turn it into an <see cref="AadhaarReference"/>.
/// </summary>
/// <remarks>
/// The law (and DOMAIN.md) forbids storing or logging the number. This type makes that hard to do by accident:
/// <see cref="ToString"/> is masked, the digits are not a public property, and JSON serialisation throws.
/// </remarks>
[JsonConverter(typeof(RefuseToSerialise))]
public sealed partial class AadhaarNumber
{
    private readonly string digits;

    private AadhaarNumber(string digits) => this.digits = digits;

    /// <summary>The last four digits: all that may be kept or shown.</summary>
    public string LastFour => digits[^4..];

    /// <summary>
    /// Accepts the number as printed on the card (<c>2345 6789 0124</c>) or with hyphens: twelve digits, the
    /// first 2–9, the last a Verhoeff check digit.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AadhaarNumber? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        var compact = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!Pattern().IsMatch(compact) || !Verhoeff.IsValid(compact))
        {
            return false;
        }

        value = new AadhaarNumber(compact);
        return true;
    }

    /// <summary>The masked display form <c>XXXX-XXXX-1234</c>, never the number.</summary>
    public override string ToString() => LogMask.AadhaarLastFour(LastFour);

    // The keyed hash is the only place the full digits go.
    internal ReadOnlySpan<char> Digits => digits;

    [GeneratedRegex(@"^[2-9][0-9]{11}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private sealed class RefuseToSerialise : JsonConverter<AadhaarNumber>
    {
        public override AadhaarNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new JsonException("An Aadhaar number is never stored; store its AadhaarReference.");

        public override void Write(Utf8JsonWriter writer, AadhaarNumber value, JsonSerializerOptions options) =>
            throw new JsonException("An Aadhaar number is never stored; store its AadhaarReference.");
    }
}
