using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>The result of acquiring, renewing, changing or breaking a lease.</summary>
public class BlobLease
{
    internal BlobLease()
    {
    }

    /// <summary>The ETag of the leased blob or container.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>When the leased blob or container was last changed.</summary>
    public DateTimeOffset LastModified { get; internal set; }

    /// <summary>The lease id; null after a break, which returns no id.</summary>
    public string? LeaseId { get; internal set; }

    /// <summary>After a break: the seconds until the lease is broken; otherwise null.</summary>
    public int? LeaseTime { get; internal set; }
}
