using Emigrate.Domain.Privacy;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// What we keep of an Aadhaar number: its last four digits, for display, and a keyed hash, to recognise the same
/// number again (e.g. a second registration) without being able to recover it.
/// </summary>
/// <param name="LastFour">The last four digits.</param>
/// <param name="KeyedHash">Lower-case hex HMAC-SHA256 of the twelve digits under the settings' secret.</param>
public sealed record AadhaarReference(string LastFour, string KeyedHash)
{
    /// <summary>The display form, <c>XXXX-XXXX-1234</c>.</summary>
    public string Display => LogMask.AadhaarLastFour(LastFour);

    /// <inheritdoc />
    public override string ToString() => Display;
}
