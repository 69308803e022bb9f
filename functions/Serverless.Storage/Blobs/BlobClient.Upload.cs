using Azure;

namespace Serverless.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>Uploads a stream as the blob's content, reading it once, front to back, without buffering it whole.</summary>
    /// <remarks>
    /// Bodies up to <see cref="StorageTransferOptions.InitialTransferSize"/> go in one Put Blob; larger ones as blocks of
    /// <see cref="StorageTransferOptions.MaximumTransferSize"/>, committed by one Put Block List that carries the
    /// conditions, headers and metadata. Until that commit the new content is invisible; if any block or the source
    /// stream fails, nothing is committed and the blob keeps its previous content (or stays absent).
    /// </remarks>
    /// <exception cref="RequestFailedException">
    /// 409 <c>BlobAlreadyExists</c> with <c>IfNoneMatch = ETag.All</c>; 412 <c>ConditionNotMet</c> with a stale
    /// <c>IfMatch</c>; 412 <c>LeaseIdMissing</c> / <c>LeaseIdMismatchWithBlobOperation</c> on a leased blob.
    /// </exception>
    public Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        return new PartitionedUpload(Pipeline, Uri, options).UploadAsync(content, cancellationToken);
    }

    /// <summary>Uploads a stream; unless <paramref name="overwrite"/>, fails with 409 <c>BlobAlreadyExists</c> when the blob exists.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    /// <summary>Uploads content held in memory; see <see cref="UploadAsync(Stream, BlobUploadOptions, CancellationToken)"/>.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return UploadAsync(content.ToStream(), options, cancellationToken);
    }

    /// <summary>Uploads content held in memory; unless <paramref name="overwrite"/>, fails with 409 when the blob exists.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, OverwriteOptions(overwrite), cancellationToken);

    private static BlobUploadOptions OverwriteOptions(bool overwrite) =>
        overwrite ? new BlobUploadOptions() : new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
}
