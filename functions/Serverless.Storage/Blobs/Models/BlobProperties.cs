using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>A blob's system properties and metadata, as returned by Get Blob Properties.</summary>
public class BlobProperties
{
    internal BlobProperties()
    {
    }

    /// <summary>When the blob was last written.</summary>
    public DateTimeOffset LastModified { get; internal set; }

    /// <summary>When the blob was created.</summary>
    public DateTimeOffset CreatedOn { get; internal set; }

    /// <summary>User-defined metadata; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; internal set; } = BlobHeaders.EmptyMetadata();

    /// <summary>The kind of blob.</summary>
    public BlobType BlobType { get; internal set; }

    /// <summary>Whether the lease is fixed or infinite, when leased.</summary>
    public LeaseDurationType LeaseDuration { get; internal set; }

    /// <summary>The lease state.</summary>
    public LeaseState LeaseState { get; internal set; }

    /// <summary>Whether the blob is locked by a lease.</summary>
    public LeaseStatus LeaseStatus { get; internal set; }

    /// <summary>The size of the blob in bytes.</summary>
    public long ContentLength { get; internal set; }

    /// <summary>The stored content type.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>The ETag of this version of the blob.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>The stored MD5 of the content, if any.</summary>
    public byte[]? ContentHash { get; internal set; }

    /// <summary>The stored content encoding.</summary>
    public string? ContentEncoding { get; internal set; }

    /// <summary>The stored content disposition.</summary>
    public string? ContentDisposition { get; internal set; }

    /// <summary>The stored content language.</summary>
    public string? ContentLanguage { get; internal set; }

    /// <summary>The stored cache control.</summary>
    public string? CacheControl { get; internal set; }
}
