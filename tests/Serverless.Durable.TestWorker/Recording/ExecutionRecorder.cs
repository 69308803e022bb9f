using Serverless.Storage;
using Serverless.Storage.Tables;

namespace Serverless.Durable.TestWorker.Recording;

/// <summary>
/// Appends one table row per activity execution and per committed completion. Every row has a fresh key, so a
/// duplicate execution shows as a second row rather than overwriting the first.
/// </summary>
/// <remarks>Rows go to a table of their own, apart from the task hub, so the engine never sees them.</remarks>
public sealed class ExecutionRecorder(TableClient table, string worker)
{
    public string Worker => worker;

    public static ExecutionRecorder Create(string connectionString, string tableName, string worker) =>
        new(new TableClient(connectionString, tableName, new StorageClientOptions()), worker);

    public Task EnsureTableAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public Task RecordActivityAsync(string instanceId, string activityId, CancellationToken cancellationToken) =>
        this.AddAsync(new ExecutionRecord(instanceId, ExecutionRecord.ActivityKind, activityId, worker), cancellationToken);

    public Task RecordCompletionAsync(string instanceId, string status, CancellationToken cancellationToken) =>
        this.AddAsync(new ExecutionRecord(instanceId, ExecutionRecord.CompletionKind, status, worker), cancellationToken);

    /// <summary>Reads every row (the tests' side).</summary>
    public async Task<IReadOnlyList<ExecutionRecord>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var records = new List<ExecutionRecord>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>((string?)null, cancellationToken: cancellationToken))
        {
            records.Add(new ExecutionRecord(row.PartitionKey, row.GetString("Kind") ?? "", row.GetString("Key") ?? "", row.GetString("Worker") ?? ""));
        }

        return records;
    }

    private Task AddAsync(ExecutionRecord record, CancellationToken cancellationToken) =>
        table.AddEntityAsync(
            new TableEntity(record.InstanceId, $"{record.Kind}-{Guid.NewGuid():N}")
            {
                ["Kind"] = record.Kind,
                ["Key"] = record.Key,
                ["Worker"] = record.Worker,
            },
            cancellationToken);
}
