using Azure;
using Azure.Core;
using Serverless.Storage.Core;
using Serverless.Storage.Tables.Entities;
using Serverless.Storage.Tables.Http;

namespace Serverless.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>Reads one entity by its keys.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">The properties to return; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RequestFailedException">404 <c>ResourceNotFound</c> when there is no such entity.</exception>
    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (entity, response) = await ReadEntityAsync<T>(partitionKey, rowKey, select, cancellationToken);
        return entity is null ? throw StoragePipeline.Failure(response) : Response.FromValue(entity, response);
    }

    /// <summary>Reads one entity by its keys, if it exists.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">The properties to return; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A response whose <see cref="NullableResponse{T}.HasValue"/> is false when there is no such entity.</returns>
    /// <exception cref="RequestFailedException">Any other failure, including 404 <c>TableNotFound</c>: a missing table is a fault, not an absent entity.</exception>
    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (entity, response) = await ReadEntityAsync<T>(partitionKey, rowKey, select, cancellationToken);
        return entity is null ? new NoValueResponse<T>(response) : Response.FromValue(entity, response);
    }

    /// <summary>The entity, or null with the 404 response when the entity (not the table) is missing.</summary>
    private async Task<(T? Entity, Response Response)> ReadEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = TableRequests.Create(_pipeline, RequestMethod.Get, TableUris.Entity(_endpoint, Name, partitionKey, rowKey));
        if (select is not null)
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', select));
        }

        var response = await _pipeline.SendRawAsync(message, cancellationToken);
        if (response.IsError)
        {
            return IsMissingEntity(response) ? (null, response) : throw StoragePipeline.Failure(response);
        }

        var entity = EntityJson.Read<T>(response.Content.ToMemory().Span);
        if (entity.ETag == default && response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return (entity, response);
    }

    /// <summary>A 404 about the entity, as opposed to one about the table.</summary>
    private static bool IsMissingEntity(Response response) =>
        response.Status == 404 && StoragePipeline.Failure(response).ErrorCode != "TableNotFound";
}
