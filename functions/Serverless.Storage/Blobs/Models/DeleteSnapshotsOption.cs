namespace Serverless.Storage.Blobs;

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
