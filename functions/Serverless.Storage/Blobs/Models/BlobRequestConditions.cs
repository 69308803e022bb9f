using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>
/// Preconditions of a blob request: the ETag and date conditions of <see cref="RequestConditions"/> plus the lease id.
/// </summary>
/// <remarks>
/// <c>IfNoneMatch = ETag.All</c> makes a write create-only (409 <c>BlobAlreadyExists</c> when the blob exists);
/// <c>IfMatch = etag</c> makes it an optimistic update (412 <c>ConditionNotMet</c> when the blob changed).
/// </remarks>
public class BlobRequestConditions : RequestConditions
{
    /// <summary>The active lease id, required to write or delete a leased blob.</summary>
    public string? LeaseId { get; set; }
}
