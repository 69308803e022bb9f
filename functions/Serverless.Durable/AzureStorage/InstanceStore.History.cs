using Serverless.Durable.History;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

internal sealed partial class InstanceStore
{
    /// <summary>The most history rows written in one entity-group transaction: 50 rows of up to 64 KiB stay under the 4 MiB batch limit.</summary>
    private const int RowsPerBatch = 50;

    /// <summary>Stores events as history entries; an event whose JSON is too long for a row's share goes to a blob.</summary>
    /// <returns>The JSON of each <see cref="StoredEvent"/>, in order.</returns>
    public async Task<List<string>> ToEntriesAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken)
    {
        var entries = new string[events.Count];
        var uploads = new List<Task>();
        int limit = options.MaxInlinePropertyChars / 2;
        for (int i = 0; i < events.Count; i++)
        {
            string entry = StoredJson.Serialize(new StoredEvent(events[i], null));
            if (entry.Length > limit)
            {
                string blob = PayloadStore.NewName(instanceId, "event");
                uploads.Add(payloads.UploadAsync(blob, StoredJson.Serialize(events[i]), cancellationToken));
                entry = StoredJson.Serialize(new StoredEvent(null, blob));
            }

            entries[i] = entry;
        }

        await Task.WhenAll(uploads);
        return [.. entries];
    }

    /// <summary>Groups entries into rows of at most <see cref="AzureStorageOrchestrationOptions.MaxInlinePropertyChars"/> characters each.</summary>
    public List<string> ToRowTexts(IReadOnlyList<string> entries)
    {
        var rows = new List<string>();
        var current = new List<string>();
        int length = 2;
        foreach (string entry in entries)
        {
            if (current.Count > 0 && length + entry.Length + 1 > options.MaxInlinePropertyChars)
            {
                rows.Add("[" + string.Join(',', current) + "]");
                current.Clear();
                length = 2;
            }

            current.Add(entry);
            length += entry.Length + 1;
        }

        if (current.Count > 0)
        {
            rows.Add("[" + string.Join(',', current) + "]");
        }

        return rows;
    }

    /// <summary>Writes history rows from <paramref name="firstSequence"/> on, replacing whatever a failed writer left there.</summary>
    /// <remarks>Deterministic keys and upserts make the write idempotent; readers ignore rows past the count the instance row commits.</remarks>
    public async Task WriteHistoryRowsAsync(string instanceId, string executionId, int firstSequence, IReadOnlyList<string> rowTexts, CancellationToken cancellationToken)
    {
        string partition = TaskHubLayout.Key(instanceId);
        for (int start = 0; start < rowTexts.Count; start += RowsPerBatch)
        {
            var actions = new List<TableTransactionAction>();
            for (int i = start; i < Math.Min(rowTexts.Count, start + RowsPerBatch); i++)
            {
                var row = new TableEntity(partition, TaskHubLayout.HistoryRowKey(executionId, firstSequence + i)) { ["Events"] = rowTexts[i] };
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            }

            await storage.History.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>The events of the first <paramref name="rows"/> history rows of an execution.</summary>
    public async Task<List<HistoryEvent>> ReadHistoryRowsAsync(string instanceId, string executionId, int rows, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TaskHubLayout.Key(instanceId)} and RowKey ge {TaskHubLayout.HistoryRowKey(executionId, 0)} and RowKey lt {TaskHubLayout.HistoryRowKey(executionId, rows)}");
        var entries = new List<string>();
        await foreach (TableEntity row in storage.History.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.AddRange(SplitEntries(row.GetString("Events")));
        }

        return [.. await this.ResolveAsync(entries, cancellationToken)];
    }

    /// <summary>The events of stored entries, downloading those kept in blobs.</summary>
    public async Task<HistoryEvent[]> ResolveAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        var events = new HistoryEvent[entries.Count];
        var downloads = new List<Task>();
        for (int i = 0; i < entries.Count; i++)
        {
            StoredEvent stored = StoredJson.Deserialize<StoredEvent>(entries[i]);
            if (stored.Event is { } e)
            {
                events[i] = e;
                continue;
            }

            int index = i;
            string blob = stored.Blob ?? throw new FormatException("A history entry has neither an event nor a blob.");
            downloads.Add(Task.Run(async () => events[index] = StoredJson.Deserialize<HistoryEvent>(await payloads.DownloadAsync(blob, cancellationToken)), cancellationToken));
        }

        await Task.WhenAll(downloads);
        return events;
    }

    /// <summary>Deletes an instance's history rows: of one execution, or (null) of all.</summary>
    public async Task DeleteHistoryAsync(string instanceId, string? executionId, CancellationToken cancellationToken)
    {
        string partition = TaskHubLayout.Key(instanceId);
        string filter = executionId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {executionId + ":"} and RowKey lt {executionId + ";"}");
        var keys = new List<string>();
        await foreach (TableEntity row in storage.History.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (string[] chunk in keys.Chunk(100))
        {
            await storage.History.SubmitTransactionAsync(
                chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), Azure.ETag.All)),
                cancellationToken);
        }
    }
}
