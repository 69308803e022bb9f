using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Serverless.Storage.Core;
using Serverless.Storage.Tables.Http;

namespace Serverless.Storage.Tables;

/// <summary>
/// A client for one table: create and delete it, write, read, query and delete its entities, and submit
/// entity-group transactions. Shaped like <c>Azure.Data.Tables.TableClient</c>.
/// </summary>
/// <remarks>Thread-safe; create one per table and reuse it.</remarks>
public sealed partial class TableClient
{
    private readonly StoragePipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates a client for the named table in the account of a storage connection string.</summary>
    /// <exception cref="FormatException">The connection string is not a storage connection string with an account key.</exception>
    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        var connection = StorageConnectionString.Parse(connectionString);
        _pipeline = new StoragePipeline(StorageService.Table, connection.Credential, options);
        _endpoint = connection.TableEndpoint;
        Name = tableName;
    }

    internal TableClient(StoragePipeline pipeline, Uri endpoint, string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = tableName;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName => _pipeline.Credential.AccountName;

    /// <summary>The table's URI.</summary>
    public Uri Uri => TableUris.EntitySet(_endpoint, Name);

    /// <summary>Creates the table unless it exists; calling it again is harmless.</summary>
    /// <returns>The table; the raw response is 204 when created and 409 when it already existed.</returns>
    /// <exception cref="RequestFailedException">Any other failure, for example 409 <c>TableBeingDeleted</c> shortly after a delete.</exception>
    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = TableRequests.Create(_pipeline, RequestMethod.Post, TableUris.Tables(_endpoint));
        TableRequests.PreferNoContent(message);
        TableRequests.SetJsonBody(message, TableNameBody(Name));
        var response = await _pipeline.SendRawAsync(message, cancellationToken);
        if (response.IsError)
        {
            var failure = StoragePipeline.Failure(response);
            if (failure.ErrorCode != "TableAlreadyExists")
            {
                throw failure;
            }
        }

        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table and all its entities; a table that does not exist is not an error (404 is returned).</summary>
    /// <remarks>Azure refuses to re-create a table of the same name for about 40 seconds after a delete.</remarks>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = TableRequests.Create(_pipeline, RequestMethod.Delete, TableUris.Table(_endpoint, Name));
        var response = await _pipeline.SendRawAsync(message, cancellationToken);
        return response.IsError && response.Status != 404 ? throw StoragePipeline.Failure(response) : response;
    }

    private static ReadOnlyMemory<byte> TableNameBody(string name)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", name);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
