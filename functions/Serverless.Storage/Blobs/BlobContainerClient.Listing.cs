using Azure;

namespace Serverless.Storage.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>Lists the container's blobs in name order, one service page (up to 5000 blobs) per request.</summary>
    /// <param name="traits">Extra data per blob, e.g. <see cref="BlobTraits.Metadata"/>.</param>
    /// <param name="states">Extra blob states to include, e.g. blobs with only uncommitted blocks.</param>
    /// <param name="prefix">Only blobs whose names start with this.</param>
    /// <param name="cancellationToken">Cancels the page requests.</param>
    /// <remarks>
    /// Resume a listing with <c>AsPages(continuationToken, pageSizeHint)</c>: the token is the service's
    /// <c>NextMarker</c> and the hint its <c>maxresults</c>.
    /// </remarks>
    public AsyncPageable<BlobItem> GetBlobsAsync(
        BlobTraits traits = BlobTraits.None,
        BlobStates states = BlobStates.None,
        string? prefix = null,
        CancellationToken cancellationToken = default) =>
        new BlobItemPageable(Pipeline, Uri, traits, states, prefix, cancellationToken);
}
