using Azure;
using Azure.Core;
using Serverless.Storage.Core;
using Serverless.Storage.Tables.Entities;
using Serverless.Storage.Tables.Http;

namespace Serverless.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>Inserts an entity that must not exist yet.</summary>
    /// <returns>The 204 response; its <c>ETag</c> header is the new entity's version.</returns>
    /// <exception cref="RequestFailedException">409 <c>EntityAlreadyExists</c> when the keys are taken.</exception>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = TableRequests.Create(_pipeline, RequestMethod.Post, TableUris.EntitySet(_endpoint, Name));
        TableRequests.PreferNoContent(message);
        TableRequests.SetJsonBody(message, EntityJson.Serialize(entity));
        return await _pipeline.SendAsync(message, cancellationToken);
    }

    /// <summary>Inserts the entity, or updates it whatever its version.</summary>
    /// <param name="entity">The entity to write.</param>
    /// <param name="mode"><see cref="TableUpdateMode.Merge"/> keeps stored properties the entity lacks; <see cref="TableUpdateMode.Replace"/> drops them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The 204 response with the new <c>ETag</c>.</returns>
    public async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateWriteMessage(entity, mode);
        return await _pipeline.SendAsync(message, cancellationToken);
    }

    /// <summary>Updates an existing entity if its version still matches.</summary>
    /// <param name="entity">The entity to write.</param>
    /// <param name="ifMatch">The version read earlier, or <see cref="ETag.All"/> to update whatever the version.</param>
    /// <param name="mode"><see cref="TableUpdateMode.Merge"/> keeps stored properties the entity lacks; <see cref="TableUpdateMode.Replace"/> drops them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The 204 response with the new <c>ETag</c>.</returns>
    /// <exception cref="RequestFailedException">412 <c>UpdateConditionNotSatisfied</c> when the entity changed; 404 when it does not exist.</exception>
    public async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("Pass the entity's ETag, or ETag.All to update unconditionally.", nameof(ifMatch));
        }

        using var message = CreateWriteMessage(entity, mode);
        TableRequests.SetIfMatch(message, ifMatch);
        return await _pipeline.SendAsync(message, cancellationToken);
    }

    /// <summary>Deletes an entity; one that does not exist is not an error (the 404 response is returned).</summary>
    /// <param name="partitionKey">The entity's partition key.</param>
    /// <param name="rowKey">The entity's row key.</param>
    /// <param name="ifMatch">The version that must still be stored; <see langword="default"/> deletes whatever the version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RequestFailedException">412 <c>UpdateConditionNotSatisfied</c> when the entity changed; 404 <c>TableNotFound</c>.</exception>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = TableRequests.Create(_pipeline, RequestMethod.Delete, TableUris.Entity(_endpoint, Name, partitionKey, rowKey));
        TableRequests.SetIfMatch(message, ifMatch == default ? ETag.All : ifMatch);
        var response = await _pipeline.SendRawAsync(message, cancellationToken);
        return response.IsError && !IsMissingEntity(response) ? throw StoragePipeline.Failure(response) : response;
    }

    private HttpMessage CreateWriteMessage<T>(T entity, TableUpdateMode mode)
        where T : class, ITableEntity
    {
        var uri = TableUris.Entity(_endpoint, Name, entity.PartitionKey, entity.RowKey);
        var message = TableRequests.Create(_pipeline, TableRequests.UpdateMethod(mode), uri);
        TableRequests.SetJsonBody(message, EntityJson.Serialize(entity));
        return message;
    }
}
