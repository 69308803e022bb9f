using Azure;
using Azure.Core;

namespace Serverless.Storage.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>Creates the container.</summary>
    /// <exception cref="RequestFailedException">409 <c>ContainerAlreadyExists</c> when it exists.</exception>
    public async Task<Response<BlobContainerInfo>> CreateAsync(
        PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(publicAccessType, metadata);
        var response = await Pipeline.SendAsync(message, cancellationToken);
        return Response.FromValue(BlobResponses.ContainerInfo(response), response);
    }

    /// <summary>Creates the container unless it exists.</summary>
    /// <returns>The created container's info, or null when it already existed (as in the Azure SDK).</returns>
    public async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(
        PublicAccessType publicAccessType = PublicAccessType.None,
        IDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(publicAccessType, metadata);
        var response = await Pipeline.SendRawAsync(message, cancellationToken);
        if (response.Status == 409 && ErrorCode(response) == "ContainerAlreadyExists")
        {
            return null;
        }

        BlobResponses.Expect(response, 201);
        return Response.FromValue(BlobResponses.ContainerInfo(response), response);
    }

    /// <summary>Marks the container and its blobs for deletion; the name stays taken for a while afterwards on Azure.</summary>
    /// <exception cref="RequestFailedException">404 <c>ContainerNotFound</c>; 412 on a lease or date condition.</exception>
    public async Task<Response> DeleteAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(conditions);
        return await Pipeline.SendAsync(message, cancellationToken);
    }

    /// <summary>Deletes the container if it exists.</summary>
    /// <returns>True when it was deleted, false when there was none.</returns>
    public async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(conditions);
        var response = await Pipeline.SendRawAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return Response.FromValue(false, response);
        }

        BlobResponses.Expect(response, 202);
        return Response.FromValue(true, response);
    }

    /// <summary>Whether the container exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = PropertiesMessage(null);
        var response = await Pipeline.SendRawAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return Response.FromValue(false, response);
        }

        BlobResponses.Expect(response, 200);
        return Response.FromValue(true, response);
    }

    /// <summary>Returns the container's properties and metadata.</summary>
    /// <exception cref="RequestFailedException">404 <c>ContainerNotFound</c>.</exception>
    public async Task<Response<BlobContainerProperties>> GetPropertiesAsync(
        BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = PropertiesMessage(conditions);
        var response = await Pipeline.SendAsync(message, cancellationToken);
        return Response.FromValue(BlobResponses.ContainerProperties(response), response);
    }

    private HttpMessage CreateMessage(PublicAccessType publicAccessType, IDictionary<string, string>? metadata)
    {
        var message = ContainerMessage(RequestMethod.Put);
        if (BlobWireValues.PublicAccess(publicAccessType) is { } access)
        {
            message.Request.Headers.SetValue("x-ms-blob-public-access", access);
        }

        BlobHeaders.SetMetadata(message.Request, metadata);
        return message;
    }

    private HttpMessage DeleteMessage(BlobRequestConditions? conditions)
    {
        var message = ContainerMessage(RequestMethod.Delete);
        BlobHeaders.SetConditions(message.Request, conditions);
        return message;
    }

    private HttpMessage PropertiesMessage(BlobRequestConditions? conditions)
    {
        var message = ContainerMessage(RequestMethod.Head);
        BlobHeaders.SetLeaseId(message.Request, conditions);
        return message;
    }

    private HttpMessage ContainerMessage(RequestMethod method)
    {
        var message = Pipeline.CreateMessage(method, Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        return message;
    }

    // The header usually carries the code; the parser also reads the XML body for services that leave it out.
    private static string? ErrorCode(Response response) => Core.StoragePipeline.Failure(response).ErrorCode;
}
