using System.Security.Cryptography;
using System.Text;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// Turns an <see cref="AadhaarNumber"/> into an <see cref="AadhaarReference"/> with HMAC-SHA256 under a secret
/// from settings.
/// </summary>
/// <remarks>
/// A plain hash would not do: with only 10^11 valid numbers, an unkeyed hash is reversed by enumeration in hours.
/// The key keeps the hash useless to anyone who has the table but not the settings.
/// </remarks>
public sealed class AadhaarHasher
{
    /// <summary>The shortest key accepted, in bytes (the HMAC-SHA256 output size).</summary>
    public const int MinimumKeyBytes = 32;

    private readonly byte[] key;

    /// <summary>Creates a hasher over a secret key of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public AadhaarHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The Aadhaar hashing key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        this.key = key.ToArray();
    }

    /// <summary>The reference to keep in place of the number.</summary>
    public AadhaarReference Protect(AadhaarNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        Span<byte> digits = stackalloc byte[12];
        Encoding.ASCII.GetBytes(number.Digits, digits);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, digits, mac);
        CryptographicOperations.ZeroMemory(digits);
        return new AadhaarReference(number.LastFour, Convert.ToHexStringLower(mac));
    }
}
