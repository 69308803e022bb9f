namespace Serverless.Storage.Blobs;

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
