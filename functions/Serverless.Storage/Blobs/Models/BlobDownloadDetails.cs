using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>The properties of a blob returned with its content by a download.</summary>
public class BlobDownloadDetails
{
    internal BlobDownloadDetails()
    {
    }

    /// <summary>The kind of blob.</summary>
    public BlobType BlobType { get; internal set; }

    /// <summary>The number of bytes in this response's body (the range's length for a ranged read).</summary>
    public long ContentLength { get; internal set; }

    /// <summary>The stored content type.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>The stored MD5 of the whole blob, if any.</summary>
    public byte[]? ContentHash { get; internal set; }

    /// <summary>When the blob was last written.</summary>
    public DateTimeOffset LastModified { get; internal set; }

    /// <summary>When the blob was created.</summary>
    public DateTimeOffset CreatedOn { get; internal set; }

    /// <summary>User-defined metadata; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; internal set; } = BlobHeaders.EmptyMetadata();

    /// <summary>The <c>Content-Range</c> of a ranged read, e.g. <c>bytes 0-99/1000</c>; null for a whole read.</summary>
    public string? ContentRange { get; internal set; }

    /// <summary>The ETag of the version read.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>The stored content encoding.</summary>
    public string? ContentEncoding { get; internal set; }

    /// <summary>The stored cache control.</summary>
    public string? CacheControl { get; internal set; }

    /// <summary>The stored content disposition.</summary>
    public string? ContentDisposition { get; internal set; }

    /// <summary>The stored content language.</summary>
    public string? ContentLanguage { get; internal set; }

    /// <summary>Whether the lease is fixed or infinite, when leased.</summary>
    public LeaseDurationType LeaseDuration { get; internal set; }

    /// <summary>The lease state.</summary>
    public LeaseState LeaseState { get; internal set; }

    /// <summary>Whether the blob is locked by a lease.</summary>
    public LeaseStatus LeaseStatus { get; internal set; }
}
