using Azure;
using Serverless.Storage.Core;

namespace Serverless.Storage.Tables;

/// <summary>A client for the account's table service: creates and deletes tables and hands out <see cref="TableClient"/>s.</summary>
/// <remarks>Thread-safe; the table clients it creates share its HTTP pipeline.</remarks>
public sealed class TableServiceClient
{
    private readonly StoragePipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates a client for the account of a storage connection string.</summary>
    /// <exception cref="FormatException">The connection string is not a storage connection string with an account key.</exception>
    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
    {
        var connection = StorageConnectionString.Parse(connectionString);
        _pipeline = new StoragePipeline(StorageService.Table, connection.Credential, options);
        _endpoint = connection.TableEndpoint;
    }

    /// <summary>The storage account name.</summary>
    public string AccountName => _pipeline.Credential.AccountName;

    /// <summary>The table service endpoint.</summary>
    public Uri Uri => _endpoint;

    /// <summary>A client for the named table, sharing this client's pipeline; the table need not exist.</summary>
    public TableClient GetTableClient(string tableName) => new(_pipeline, _endpoint, tableName);

    /// <summary>Creates the table unless it exists.</summary>
    /// <inheritdoc cref="TableClient.CreateIfNotExistsAsync(CancellationToken)" path="/returns"/>
    public Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes the table; one that does not exist is not an error.</summary>
    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
