using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>A container's system properties and metadata.</summary>
public class BlobContainerProperties
{
    internal BlobContainerProperties()
    {
    }

    /// <summary>When the container or its metadata was last changed.</summary>
    public DateTimeOffset LastModified { get; internal set; }

    /// <summary>The container's ETag.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>Whether the container is locked by a lease.</summary>
    public LeaseStatus LeaseStatus { get; internal set; }

    /// <summary>The lease state.</summary>
    public LeaseState LeaseState { get; internal set; }

    /// <summary>Whether the lease is fixed or infinite, when leased.</summary>
    public LeaseDurationType LeaseDuration { get; internal set; }

    /// <summary>Anonymous read access.</summary>
    public PublicAccessType PublicAccess { get; internal set; }

    /// <summary>User-defined metadata; names compare case-insensitively.</summary>
    public IDictionary<string, string> Metadata { get; internal set; } = BlobHeaders.EmptyMetadata();
}
