namespace Serverless.Storage.Blobs;

/// <summary>Extra data to return with each blob of a listing.</summary>
[Flags]
public enum BlobTraits
{
    /// <summary>Names and system properties only.</summary>
    None = 0,

    /// <summary>User-defined metadata (<c>include=metadata</c>).</summary>
    Metadata = 2,
}
