using System.Security.Cryptography;
using System.Text;

namespace Emigrate.Sms;

/// <summary>
/// The Twilio-style signature of an inbound SMS webhook: <c>X-Twilio-Signature</c> is
/// Base64(HMAC-SHA1(secret, URL + each form key and value concatenated, keys in ordinal order)).
/// </summary>
/// <remarks>
/// The URL must be exactly the one the gateway called (scheme, host, port, path and query), as seen from outside
/// any proxy. HMAC-SHA1 is what the gateway uses; it remains sound as a MAC even though SHA-1 is not as a hash.
/// Replays are not caught here: the webhook also remembers message ids.
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>The signature for a request.</summary>
    public static string Compute(string secret, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        return Convert.ToBase64String(Mac(secret, url, form));
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the right one, compared in constant time so the comparison leaks
    /// nothing about how close a forgery came. A missing or malformed header is simply invalid.
    /// </summary>
    public static bool IsValid(string secret, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA1.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var written) || written != given.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(secret, url, form), given);
    }

    private static byte[] Mac(string secret, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        // Repeated keys are ordered by value too, so the order they arrived in does not matter.
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data.ToString()));
    }
}
