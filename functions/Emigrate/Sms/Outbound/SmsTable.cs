using Azure;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Outbound;

/// <summary>A table of the SMS side, created on first use; a failed creation (storage not up yet) is retried by the next caller.</summary>
public sealed class SmsTable(TableServiceClient service, string name)
{
    private Task? _created;

    /// <summary>The table's client.</summary>
    public TableClient Client { get; } = service.GetTableClient(name);

    /// <summary>The table, created if it does not exist yet.</summary>
    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        var created = Volatile.Read(ref _created);
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = Client.CreateIfNotExistsAsync(CancellationToken.None);
            Volatile.Write(ref _created, created);
        }

        await created.WaitAsync(cancellationToken);
        return Client;
    }

    /// <summary>Adds the entity unless a row with its keys exists; <see langword="false"/> when one did.</summary>
    public async Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var table = await GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The row, or <see langword="null"/>.</summary>
    public async Task<TableEntity?> FindAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// A key value safe in a partition or row key: <c>/ \ # ?</c>, control characters and <c>%</c> are escaped.
    /// </summary>
    public static string Key(string value) => Uri.EscapeDataString(value);
}
