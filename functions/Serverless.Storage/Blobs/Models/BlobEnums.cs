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

/// <summary>The lease state of a blob or container.</summary>
public enum LeaseState
{
    /// <summary>No lease; one can be acquired.</summary>
    Available,

    /// <summary>Leased; writes and deletes need the lease id.</summary>
    Leased,

    /// <summary>The lease ran out and has not been renewed.</summary>
    Expired,

    /// <summary>The lease is being broken and cannot be renewed.</summary>
    Breaking,

    /// <summary>The lease was broken; a new one can be acquired.</summary>
    Broken,
}

/// <summary>Whether a blob or container is locked by a lease.</summary>
public enum LeaseStatus
{
    /// <summary>Locked by an active lease.</summary>
    Locked,

    /// <summary>Not locked.</summary>
    Unlocked,
}

/// <summary>Whether an active lease has a fixed or an infinite duration.</summary>
public enum LeaseDurationType
{
    /// <summary>The lease never expires on its own.</summary>
    Infinite,

    /// <summary>The lease expires after 15 to 60 seconds unless renewed.</summary>
    Fixed,
}

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

/// <summary>What to do with a blob's snapshots when deleting it.</summary>
public enum DeleteSnapshotsOption
{
    /// <summary>Delete only the blob; fails if it has snapshots.</summary>
    None,

    /// <summary>Delete the blob and its snapshots.</summary>
    IncludeSnapshots,

    /// <summary>Delete only the snapshots, keeping the blob.</summary>
    OnlySnapshots,
}

/// <summary>Extra data to return with each blob of a listing.</summary>
[Flags]
public enum BlobTraits
{
    /// <summary>Names and system properties only.</summary>
    None = 0,

    /// <summary>User-defined metadata (<c>include=metadata</c>).</summary>
    Metadata = 2,
}

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
