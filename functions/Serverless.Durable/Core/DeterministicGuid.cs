using System.Security.Cryptography;
using System.Text;

namespace Serverless.Durable.Core;

/// <summary>Name-based (version 5) UUIDs: the same name always gives the same GUID.</summary>
internal static class DeterministicGuid
{
    // A fixed namespace for orchestration GUIDs; changing it changes every GUID of running instances.
    private static readonly Guid Namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        Span<byte> buffer = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(name.Length)];
        Namespace.TryWriteBytes(buffer, bigEndian: true, out _);
        int length = 16 + Encoding.UTF8.GetBytes(name, buffer[16..]);
        Span<byte> hash = stackalloc byte[20];

        // RFC 4122 defines version 5 UUIDs over SHA-1; this is naming, not security.
#pragma warning disable CA5350
        SHA1.HashData(buffer[..length], hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
