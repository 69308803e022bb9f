using Azure;
using Azure.Core;
using Serverless.Storage.Core;
using Serverless.Storage.Queues.Models;

namespace Serverless.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>Creates the queue.</summary>
    /// <remarks>Creating a queue that exists with the same metadata succeeds (204); with other metadata it fails with 409 <c>QueueAlreadyExists</c>.</remarks>
    /// <exception cref="RequestFailedException">The service refused, with its status and error code.</exception>
    public async Task<Response> CreateAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateQueueRequest(metadata);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the queue unless it exists.</summary>
    /// <returns>The service's response (201 created, 204 already there), or null when the queue exists with other metadata.</returns>
    /// <exception cref="RequestFailedException">The service refused for another reason, e.g. the queue is being deleted.</exception>
    public async Task<Response?> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateQueueRequest(metadata);
        var response = await _pipeline.SendRawAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsError)
        {
            return response;
        }

        var failure = StoragePipeline.Failure(response);
        return failure.ErrorCode == "QueueAlreadyExists" ? null : throw failure;
    }

    /// <summary>Deletes the queue and its messages.</summary>
    /// <exception cref="RequestFailedException">404 <c>QueueNotFound</c> when there is no such queue, or another refusal.</exception>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the queue if it exists.</summary>
    /// <returns>True when this call deleted it, false when there was no such queue.</returns>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        var response = await _pipeline.SendRawAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? Response.FromValue(false, response)
            : response.IsError ? throw StoragePipeline.Failure(response)
            : Response.FromValue(true, response);
    }

    /// <summary>Whether the queue exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreatePropertiesRequest();
        var response = await _pipeline.SendRawAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? Response.FromValue(false, response)
            : response.IsError ? throw StoragePipeline.Failure(response)
            : Response.FromValue(true, response);
    }

    /// <summary>Reads the queue's metadata and approximate message count.</summary>
    /// <exception cref="RequestFailedException">404 <c>QueueNotFound</c> when there is no such queue.</exception>
    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreatePropertiesRequest();
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var value)
            ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return Response.FromValue(new QueueProperties(QueueMetadata.Read(response), count), response);
    }

    private HttpMessage CreateQueueRequest(IDictionary<string, string>? metadata)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        QueueMetadata.Write(message.Request, metadata);
        return message;
    }

    private HttpMessage CreatePropertiesRequest()
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        return message;
    }
}
