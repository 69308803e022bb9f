using System.Security.Cryptography;

namespace Serverless.Functions.Keys;

/// <summary>Makes new keys and key ids from the operating system's CSPRNG.</summary>
internal static class FunctionKeyGenerator
{
    /// <summary>32 random bytes as URL-safe Base64 (43 characters), safe in a <c>code</c> query parameter.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A 12-character id, random so it says nothing about the key.</summary>
    public static string NewKeyId() => "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))[..11];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
