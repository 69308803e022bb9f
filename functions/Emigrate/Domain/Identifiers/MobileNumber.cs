using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Emigrate.Domain.Privacy;

namespace Emigrate.Domain.Identifiers;

/// <summary>An Indian mobile number, held as its ten national digits (<c>9876543210</c>).</summary>
[JsonConverter(typeof(StringValueJsonConverter<MobileNumber>))]
public sealed partial record MobileNumber : IStringValue<MobileNumber>
{
    private MobileNumber(string value) => Value = value;

    /// <summary>The ten national digits.</summary>
    public string Value { get; }

    /// <summary>The international form an SMS gateway expects and sends: <c>+919876543210</c>.</summary>
    public string E164 => "+91" + Value;

    /// <summary>The masked form for logs: <c>98XXXXXX10</c>.</summary>
    public string Masked => LogMask.Mobile(Value);

    /// <summary>
    /// Accepts what people type and what gateways send: spaces and hyphens, a <c>+91</c> / <c>0091</c> / <c>91</c>
    /// country prefix, or a leading trunk <c>0</c>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out MobileNumber? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var national = compact switch
        {
            { Length: 13 } when compact.StartsWith("+91", StringComparison.Ordinal) => compact[3..],
            { Length: 14 } when compact.StartsWith("0091", StringComparison.Ordinal) => compact[4..],
            { Length: 12 } when compact.StartsWith("91", StringComparison.Ordinal) => compact[2..],
            { Length: 11 } when compact.StartsWith('0') => compact[1..],
            _ => compact,
        };

        if (!Pattern().IsMatch(national))
        {
            return false;
        }

        value = new MobileNumber(national);
        return true;
    }

    /// <summary>The masked form, so a mobile number never lands in a log by accident.</summary>
    public override string ToString() => Masked;

    [GeneratedRegex(@"^[6-9][0-9]{9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
