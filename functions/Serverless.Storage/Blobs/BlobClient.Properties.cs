using Azure;
using Azure.Core;

namespace Serverless.Storage.Blobs;

public sealed partial class BlobClient
{
    /// <summary>Returns the blob's system properties and metadata without its content.</summary>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>; 412 when a condition fails.</exception>
    public async Task<Response<BlobProperties>> GetPropertiesAsync(
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Head, Uri);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = BlobResponses.Expect(await Pipeline.SendAsync(message, cancellationToken), 200);
        return Response.FromValue(BlobResponses.Properties(response), response);
    }

    /// <summary>Whether the blob exists (committed; staged blocks alone do not make a blob).</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await Pipeline.SendRawAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return Response.FromValue(false, response);
        }

        BlobResponses.Expect(response, 200);
        return Response.FromValue(true, response);
    }

    /// <summary>Deletes the blob.</summary>
    /// <exception cref="RequestFailedException">404 <c>BlobNotFound</c>; 412 <c>LeaseIdMissing</c> on a leased blob without its id.</exception>
    public async Task<Response> DeleteAsync(
        DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None,
        BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(snapshotsOption, conditions);
        return BlobResponses.Expect(await Pipeline.SendAsync(message, cancellationToken), 202);
    }

    /// <summary>Deletes the blob if it exists.</summary>
    /// <returns>True when it was deleted, false when there was no such blob or container.</returns>
    public async Task<Response<bool>> DeleteIfExistsAsync(
        DeleteSnapshotsOption snapshotsOption = DeleteSnapshotsOption.None,
        BlobRequestConditions? conditions = null,
        CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(snapshotsOption, conditions);
        var response = await Pipeline.SendRawAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return Response.FromValue(false, response);
        }

        BlobResponses.Expect(response, 202);
        return Response.FromValue(true, response);
    }

    private HttpMessage DeleteMessage(DeleteSnapshotsOption snapshotsOption, BlobRequestConditions? conditions)
    {
        var message = Pipeline.CreateMessage(RequestMethod.Delete, Uri);
        var snapshots = snapshotsOption switch
        {
            DeleteSnapshotsOption.IncludeSnapshots => "include",
            DeleteSnapshotsOption.OnlySnapshots => "only",
            _ => null,
        };
        if (snapshots is not null)
        {
            message.Request.Headers.SetValue("x-ms-delete-snapshots", snapshots);
        }

        BlobHeaders.SetConditions(message.Request, conditions);
        return message;
    }
}
