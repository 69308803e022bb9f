using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>The result of releasing a lease.</summary>
public class ReleasedObjectInfo
{
    internal ReleasedObjectInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    /// <summary>The ETag of the released blob or container.</summary>
    public ETag ETag { get; }

    /// <summary>When the released blob or container was last changed.</summary>
    public DateTimeOffset LastModified { get; }
}
