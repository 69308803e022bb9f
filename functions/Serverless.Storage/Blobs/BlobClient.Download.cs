using Azure;
using Azure.Core;

namespace Serverless.Storage.Blobs;

public sealed partial class BlobClient
{
    // As the Azure SDK: a broken body is re-requested from where it stopped, a few times, before the reader sees it.
    private const int MaxDownloadResumes = 3;

    /// <summary>Opens the blob's content (or a range of it) as a stream read straight off the connection.</summary>
    /// <remarks>
    /// Nothing is buffered: memory stays flat whatever the blob's size. Dispose the result to free the connection.
    /// If the connection breaks mid-body, the rest is re-requested from where it stopped, only from the same
    /// version (If-Match on the ETag first read): a blob replaced meanwhile fails the read with 412.
    /// </remarks>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>; 412 <c>ConditionNotMet</c>; 416 for a range past the end.</exception>
    public async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(
        BlobDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var range = options?.Range ?? default;
        var (response, content) = await OpenDownloadAsync(range, options?.Conditions, cancellationToken);
        var details = BlobResponses.DownloadDetails(response);
        var resumeConditions = new BlobRequestConditions
        {
            IfMatch = details.ETag == default ? null : details.ETag,
            LeaseId = options?.Conditions?.LeaseId,
        };
        var resumable = new ResumableDownloadStream(
            content,
            range,
            async (rest, ct) => (await OpenDownloadAsync(rest, resumeConditions, ct)).Content,
            MaxDownloadResumes);
        return Response.FromValue(new BlobDownloadStreamingResult(resumable, details), response);
    }

    /// <summary>Downloads the blob's content (or a range of it) into memory.</summary>
    /// <remarks>For documents of bounded size; use <see cref="DownloadStreamingAsync"/> for anything large.</remarks>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>; 412 <c>ConditionNotMet</c>.</exception>
    public async Task<Response<BlobDownloadResult>> DownloadContentAsync(
        BlobDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var streaming = await DownloadStreamingAsync(options, cancellationToken);
        using var result = streaming.Value;
        var content = await BinaryData.FromStreamAsync(result.Content, cancellationToken);
        return Response.FromValue(new BlobDownloadResult(content, result.Details), streaming.GetRawResponse());
    }

    private async Task<(Response Response, Stream Content)> OpenDownloadAsync(
        HttpRange range, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        if (range != default)
        {
            message.Request.Headers.SetValue("x-ms-range", range.ToString());
        }

        BlobHeaders.SetConditions(message.Request, conditions);
        var response = BlobResponses.Expect(await Pipeline.SendAsync(message, cancellationToken), 200, 206);

        // Taking the stream out of the message keeps it open after the message is disposed.
        return (response, message.ExtractResponseContent() ?? Stream.Null);
    }
}
