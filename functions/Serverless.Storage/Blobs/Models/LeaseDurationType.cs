namespace Serverless.Storage.Blobs;

/// <summary>Whether an active lease has a fixed or an infinite duration.</summary>
public enum LeaseDurationType
{
    /// <summary>The lease never expires on its own.</summary>
    Infinite,

    /// <summary>The lease expires after 15 to 60 seconds unless renewed.</summary>
    Fixed,
}
