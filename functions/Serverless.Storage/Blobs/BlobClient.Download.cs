using Azure;
using Azure.Core;

namespace Serverless.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>Opens the blob's content (or a range of it) as a stream read straight off the connection.</summary>
    /// <remarks>
    /// Nothing is buffered: memory stays flat whatever the blob's size. Dispose the result to free the connection.
    /// A network failure while reading the stream surfaces as an <see cref="IOException"/>; it is not resumed.
    /// </remarks>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>; 412 <c>ConditionNotMet</c>; 416 for a range past the end.</exception>
    public async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(
        BlobDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        if (options is not null && options.Range != default)
        {
            message.Request.Headers.SetValue("x-ms-range", options.Range.ToString());
        }

        BlobHeaders.SetConditions(message.Request, options?.Conditions);
        var response = BlobResponses.Expect(await Pipeline.SendAsync(message, cancellationToken), 200, 206);

        // Taking the stream out of the message keeps it open after the message is disposed.
        var content = message.ExtractResponseContent() ?? Stream.Null;
        return Response.FromValue(new BlobDownloadStreamingResult(content, BlobResponses.DownloadDetails(response)), response);
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
}
