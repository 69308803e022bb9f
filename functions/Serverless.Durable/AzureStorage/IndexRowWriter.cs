using Azure;
using Serverless.Storage;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// Writes the index table's status, name and creation-day rows by group commit: while a write to one partition is
/// under way, the writes that arrive for it wait and then go together as one entity-group transaction.
/// </summary>
/// <remarks>
/// Many instances share these partitions (every instance created today, every instance of one name, every running
/// instance), so under load a hundred index writes cost one request instead of a hundred, and alone a write goes at
/// once. Each caller still waits until its own row is written, so the order the backend relies on (index row before
/// instance row) holds. Writes of one row keep their order: a batch takes one write per row (<see cref="GroupCommitQueue{T}"/>). Index writes are
/// idempotent (replace, or delete whatever the version), so a batch that fails, e.g. a delete of a row already gone
/// (which fails the whole transaction), is simply written again row by row.
/// </remarks>
internal sealed class IndexRowWriter
{
    /// <summary>The most operations in one entity-group transaction.</summary>
    private const int MaxBatch = 100;

    private readonly TableClient table;
    private readonly GroupCommitQueue<Write> queue;

    public IndexRowWriter(TableClient table)
    {
        this.table = table;
        this.queue = new(MaxBatch, w => w.Row.RowKey, (_, batch) => this.WriteAsync(batch));
    }

    /// <summary>Replaces (or inserts) the row.</summary>
    public Task UpsertAsync(TableEntity row, CancellationToken cancellationToken) => this.EnqueueAsync(row, delete: false, cancellationToken);

    /// <summary>Deletes the row, whatever its version; a missing row is fine.</summary>
    public Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        this.EnqueueAsync(new TableEntity(partitionKey, rowKey), delete: true, cancellationToken);

    private Task EnqueueAsync(TableEntity row, bool delete, CancellationToken cancellationToken)
    {
        var write = new Write(row, delete);
        this.queue.Enqueue(row.PartitionKey, write);
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<Write> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                await this.table.SubmitTransactionAsync(batch.Select(w => w.Delete
                    ? new TableTransactionAction(TableTransactionActionType.Delete, w.Row, ETag.All)
                    : new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.Row)));
                foreach (Write w in batch)
                {
                    w.Done.TrySetResult();
                }

                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                // Row by row below: each write then succeeds or fails on its own.
            }
        }

        await Task.WhenAll(batch.Select(async w =>
        {
            try
            {
                if (w.Delete)
                {
                    await this.table.DeleteEntityAsync(w.Row.PartitionKey, w.Row.RowKey, ETag.All, CancellationToken.None);
                }
                else
                {
                    await this.table.UpsertEntityAsync(w.Row, TableUpdateMode.Replace, CancellationToken.None);
                }

                w.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                w.Done.TrySetException(ex);
            }
        }));
    }

    private sealed record Write(TableEntity Row, bool Delete)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
