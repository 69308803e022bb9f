using System.Security.Cryptography;
using System.Text;

namespace Serverless.Functions.Keys;

/// <summary>The stored form of a key: lower-case hex SHA-256 of its text.</summary>
/// <remarks>
/// A plain hash (no salt, no stretching) is enough because keys are 256 random bits: there is no dictionary to try.
/// It also makes lookup a point read by hash.
/// </remarks>
public static class FunctionKeyHash
{
    /// <summary>Hashes a key.</summary>
    public static string Compute(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
