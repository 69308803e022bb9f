namespace Serverless.Storage.Blobs;

/// <summary>Blobs in states other than committed to include in a listing.</summary>
/// <remarks>Only the states this client needs; the Azure SDK's enum has more (snapshots, versions, deleted).</remarks>
[Flags]
public enum BlobStates
{
    /// <summary>Committed blobs only.</summary>
    None = 0,

    /// <summary>Also blobs that have staged blocks but were never committed (<c>include=uncommittedblobs</c>).</summary>
    Uncommitted = 2,
}
