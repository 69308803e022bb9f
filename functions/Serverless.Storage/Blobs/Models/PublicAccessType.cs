namespace Serverless.Storage.Blobs;

/// <summary>Anonymous read access to a container.</summary>
public enum PublicAccessType
{
    /// <summary>Private: every request must be authorised.</summary>
    None,

    /// <summary>Anonymous read of the container listing and its blobs.</summary>
    BlobContainer,

    /// <summary>Anonymous read of blobs, but not of the listing.</summary>
    Blob,
}
