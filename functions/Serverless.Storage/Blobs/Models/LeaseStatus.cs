namespace Serverless.Storage.Blobs;

/// <summary>Whether a blob or container is locked by a lease.</summary>
public enum LeaseStatus
{
    /// <summary>Locked by an active lease.</summary>
    Locked,

    /// <summary>Not locked.</summary>
    Unlocked,
}
