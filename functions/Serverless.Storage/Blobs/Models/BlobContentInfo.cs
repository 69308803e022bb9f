using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>What the service returns after an upload made the content visible.</summary>
public class BlobContentInfo
{
    internal BlobContentInfo()
    {
    }

    /// <summary>The new ETag of the blob; pass it as <c>IfMatch</c> to update only this version.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>When the blob was written.</summary>
    public DateTimeOffset LastModified { get; internal set; }

    /// <summary>The MD5 the service computed for a single-request upload; null for a block upload.</summary>
    public byte[]? ContentHash { get; internal set; }

    /// <summary>The version id, when versioning is enabled on the account.</summary>
    public string? VersionId { get; internal set; }
}
