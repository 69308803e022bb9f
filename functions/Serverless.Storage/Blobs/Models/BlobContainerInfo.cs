using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>What the service returns after creating a container.</summary>
public class BlobContainerInfo
{
    internal BlobContainerInfo()
    {
    }

    /// <summary>The container's ETag.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>When the container was last changed.</summary>
    public DateTimeOffset LastModified { get; internal set; }
}
