using System.Runtime.CompilerServices;
using Azure;
using Microsoft.Extensions.Options;
using Serverless.Functions.Storage;
using Serverless.Storage.Tables;

namespace Serverless.Functions.Keys;

/// <summary>Function keys in table storage, one row per key hash, shared by every host process on the account.</summary>
internal sealed class TableFunctionKeyStore : IFunctionKeyStore
{
    private readonly TableClient _table;
    private readonly TableCreation _created;

    public TableFunctionKeyStore(TableServiceClient tables, IOptions<FunctionKeysOptions> options)
    {
        _table = tables.GetTableClient(options.Value.TableName);
        _created = new TableCreation(_table);
    }

    public async Task<FunctionKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var row = await _table.GetEntityIfExistsAsync<FunctionKeyEntity>(FunctionKeyEntity.Partition, keyHash, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToKey() : null;
    }

    public async Task AddAsync(string keyHash, FunctionKey key, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        await _table.AddEntityAsync(FunctionKeyEntity.From(keyHash, key), cancellationToken);
    }

    public async IAsyncEnumerable<FunctionKey> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FunctionKeyEntity.Partition}");
        var keys = new List<FunctionKey>();
        await foreach (var row in _table.QueryAsync<FunctionKeyEntity>(filter, cancellationToken: cancellationToken))
        {
            keys.Add(row.ToKey());
        }

        foreach (var key in keys.OrderBy(k => k.Created))
        {
            yield return key;
        }
    }

    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset revoked, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FunctionKeyEntity.Partition} and KeyId eq {keyId}");
        await foreach (var row in _table.QueryAsync<FunctionKeyEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.Revoked is null)
            {
                row.Revoked = revoked;
                try
                {
                    await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Revoked concurrently by someone else: the outcome is the same.
                }
            }

            return true;
        }

        return false;
    }

    private Task EnsureTableAsync(CancellationToken cancellationToken) => _created.EnsureAsync(cancellationToken);
}
