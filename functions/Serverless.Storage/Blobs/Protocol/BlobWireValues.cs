namespace Serverless.Storage.Blobs;

/// <summary>Reads the enum values the service writes in headers and listings (<c>BlockBlob</c>, <c>leased</c>, …).</summary>
internal static class BlobWireValues
{
    public static BlobType BlobType(string? value) => value switch
    {
        "PageBlob" => Blobs.BlobType.Page,
        "AppendBlob" => Blobs.BlobType.Append,
        _ => Blobs.BlobType.Block,
    };

    public static LeaseState LeaseState(string? value) => value?.ToUpperInvariant() switch
    {
        "LEASED" => Blobs.LeaseState.Leased,
        "EXPIRED" => Blobs.LeaseState.Expired,
        "BREAKING" => Blobs.LeaseState.Breaking,
        "BROKEN" => Blobs.LeaseState.Broken,
        _ => Blobs.LeaseState.Available,
    };

    public static LeaseStatus LeaseStatus(string? value) =>
        string.Equals(value, "locked", StringComparison.OrdinalIgnoreCase) ? Blobs.LeaseStatus.Locked : Blobs.LeaseStatus.Unlocked;

    public static LeaseDurationType LeaseDuration(string? value) =>
        string.Equals(value, "fixed", StringComparison.OrdinalIgnoreCase) ? LeaseDurationType.Fixed : LeaseDurationType.Infinite;

    public static PublicAccessType PublicAccess(string? value) => value?.ToUpperInvariant() switch
    {
        "CONTAINER" => PublicAccessType.BlobContainer,
        "BLOB" => PublicAccessType.Blob,
        _ => PublicAccessType.None,
    };

    public static string? PublicAccess(PublicAccessType value) => value switch
    {
        PublicAccessType.BlobContainer => "container",
        PublicAccessType.Blob => "blob",
        _ => null,
    };

    /// <summary>Listings give ETags bare, headers give them quoted; one form makes them comparable.</summary>
    public static Azure.ETag QuotedETag(string value) =>
        new(value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal) ? value : $"\"{value}\"");
}
