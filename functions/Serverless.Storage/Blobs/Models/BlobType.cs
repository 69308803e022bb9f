namespace Serverless.Storage.Blobs;

/// <summary>The kind of a blob.</summary>
public enum BlobType
{
    /// <summary>A block blob: the only kind this client writes.</summary>
    Block,

    /// <summary>A page blob.</summary>
    Page,

    /// <summary>An append blob.</summary>
    Append,
}
