using System.Text.Json;
using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

/// <summary>Reads and writes instance rows (state, history tail, outbox) and their payload blobs.</summary>
/// <remarks>See <see cref="InstanceStore"/>'s other parts for history rows and the index.</remarks>
internal sealed partial class InstanceStore(TaskHubStorage storage, PayloadStore payloads, AzureStorageOrchestrationOptions options)
{
    /// <summary>The columns of a state without payloads, so queries and status reads never carry tails or outboxes.</summary>
    private static readonly string[] StateColumns =
        ["PartitionKey", "RowKey", "Name", "ExecutionId", "Status", "CreatedAt", "LastUpdatedAt", "CompletedAt", "ScheduledStartAt", "ParentInstanceId", "Failure", "FailureBlob"];

    private static readonly string[] PayloadColumns =
        [.. StateColumns, "Input", "InputBlob", "Output", "OutputBlob", "CustomStatus", "CustomStatusBlob"];

    private static readonly string[] PayloadProperties = ["Input", "Output", "CustomStatus", "Failure", "Outbox"];

    public PayloadStore Payloads => payloads;

    /// <summary>The columns to read for a state, with or without its payloads.</summary>
    public static IReadOnlyList<string> Columns(bool withPayloads) => withPayloads ? PayloadColumns : StateColumns;

    /// <summary>An instance's state, or null when it has no row.</summary>
    public async Task<OrchestrationState?> ReadStateAsync(string instanceId, bool withPayloads, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await storage.Instances.GetEntityIfExistsAsync<TableEntity>(
            TaskHubLayout.Key(instanceId), TaskHubLayout.InstanceRowKey, withPayloads ? PayloadColumns : StateColumns, cancellationToken);
        return response.HasValue ? await this.ToStateAsync(response.Value!, withPayloads, cancellationToken) : null;
    }

    /// <summary>Everything of an instance (state, history, outbox), or null when it has no row.</summary>
    public async Task<InstanceRecord?> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await storage.Instances.GetEntityIfExistsAsync<TableEntity>(
            TaskHubLayout.Key(instanceId), TaskHubLayout.InstanceRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? await this.ToRecordAsync(instanceId, response.Value!, cancellationToken) : null;
    }

    /// <summary>An instance's row as stored, or null.</summary>
    public async Task<TableEntity?> ReadRowAsync(string instanceId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await storage.Instances.GetEntityIfExistsAsync<TableEntity>(
            TaskHubLayout.Key(instanceId), TaskHubLayout.InstanceRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value! : null;
    }

    /// <summary>The id of the commit that last wrote the row, and the row's version; null when there is no row.</summary>
    public async Task<(string? CommitId, ETag ETag)?> ReadCommitAsync(string instanceId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await storage.Instances.GetEntityIfExistsAsync<TableEntity>(
            TaskHubLayout.Key(instanceId), TaskHubLayout.InstanceRowKey, ["PartitionKey", "RowKey", "CommitId"], cancellationToken);
        return response.HasValue ? (response.Value!.GetString("CommitId"), response.Value.ETag) : null;
    }

    /// <summary>Builds an instance row, moving payloads too large for a property to blobs.</summary>
    /// <param name="content">What the row holds.</param>
    /// <param name="previous">The record the row replaces: a payload whose value is unchanged keeps its blob.</param>
    /// <param name="cancellationToken">Cancels the uploads.</param>
    /// <returns>The row and the payload blobs it refers to, by property.</returns>
    public async Task<(TableEntity Row, Dictionary<string, string> Blobs)> BuildRowAsync(InstanceRowContent content, InstanceRecord? previous, CancellationToken cancellationToken)
    {
        OrchestrationState state = content.State;
        var row = new TableEntity(TaskHubLayout.Key(state.InstanceId), TaskHubLayout.InstanceRowKey)
        {
            ["Name"] = state.Name,
            ["NameKey"] = state.Name.ToUpperInvariant(),
            ["ExecutionId"] = state.ExecutionId,
            ["Status"] = state.Status.ToString(),
            ["CreatedAt"] = state.CreatedAt,
            ["LastUpdatedAt"] = state.LastUpdatedAt,
            ["CompletedAt"] = state.CompletedAt,
            ["ScheduledStartAt"] = state.ScheduledStartAt,
            ["ParentInstanceId"] = state.ParentInstanceId,
            ["HistoryRows"] = content.HistoryRows,
            ["Tail"] = content.Tail.Count == 0 ? null : "[" + string.Join(',', content.Tail) + "]",
            ["OutboxFor"] = content.Outbox.Count == 0 ? null : StoredJson.Serialize(content.OutboxFor),
            ["Indexed"] = content.IndexedStatuses,
            ["CommitId"] = content.CommitId,
        };
        string?[] values =
        [
            state.Input,
            state.Output,
            state.CustomStatus,
            state.FailureDetails is null ? null : StoredJson.Serialize(state.FailureDetails),
            content.Outbox.Count == 0 ? null : StoredJson.Serialize(content.Outbox),
        ];
        string?[] previousValues =
        [
            previous?.State.Input,
            previous?.State.Output,
            previous?.State.CustomStatus,
            previous?.State.FailureDetails is { } failure ? StoredJson.Serialize(failure) : null,
            null,
        ];
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploads = new List<Task>();
        for (int i = 0; i < PayloadProperties.Length; i++)
        {
            string property = PayloadProperties[i];
            string? value = values[i];
            if (value is null || value.Length <= options.MaxInlinePropertyChars)
            {
                row[property] = value;
                continue;
            }

            if (previous is not null && previous.Blobs.TryGetValue(property, out string? kept) && string.Equals(previousValues[i], value, StringComparison.Ordinal))
            {
                blobs[property] = kept;
                row[property + "Blob"] = kept;
                continue;
            }

            string blob = PayloadStore.NewName(state.InstanceId, property.ToLowerInvariant());
            row[property + "Blob"] = blob;
            blobs[property] = blob;
            uploads.Add(payloads.UploadAsync(blob, value, cancellationToken));
        }

        await Task.WhenAll(uploads);
        return (row, blobs);
    }

    /// <summary>Writes an instance row: inserted when <paramref name="ifMatch"/> is null, else replaced if unchanged.</summary>
    /// <returns>The row's new version.</returns>
    /// <exception cref="WorkItemLockLostException">Someone else wrote the row first (a retried request of this very write is recognised by its commit id and succeeds).</exception>
    public async Task<ETag> WriteRowAsync(TableEntity row, ETag? ifMatch, string commitId, CancellationToken cancellationToken)
    {
        try
        {
            Response response = ifMatch is { } etag
                ? await storage.Instances.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken)
                : await storage.Instances.AddEntityAsync(row, cancellationToken);
            return response.Headers.ETag ?? throw new InvalidOperationException("The table service answered a write without an ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // The pipeline retries a request whose answer was lost: the write may have landed and the retry then failed.
            string instanceId = TaskHubLayout.InstanceIdOf(row.PartitionKey);
            if (await this.ReadCommitAsync(instanceId, cancellationToken) is { } current && current.CommitId == commitId)
            {
                return current.ETag;
            }

            throw new WorkItemLockLostException($"Instance '{instanceId}' was changed by someone else (status {ex.Status}); the commit had no effect.");
        }
    }

    /// <summary>Deletes an instance row if it is unchanged.</summary>
    /// <returns>Whether it was deleted.</returns>
    public async Task<bool> DeleteRowAsync(string instanceId, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            Response response = await storage.Instances.DeleteEntityAsync(TaskHubLayout.Key(instanceId), TaskHubLayout.InstanceRowKey, ifMatch, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task<OrchestrationState> ToStateAsync(TableEntity row, bool withPayloads, CancellationToken cancellationToken)
    {
        Task<string?> input = withPayloads ? this.PayloadAsync(row, "Input", cancellationToken) : Task.FromResult<string?>(null);
        Task<string?> output = withPayloads ? this.PayloadAsync(row, "Output", cancellationToken) : Task.FromResult<string?>(null);
        Task<string?> custom = withPayloads ? this.PayloadAsync(row, "CustomStatus", cancellationToken) : Task.FromResult<string?>(null);
        string? failure = await this.PayloadAsync(row, "Failure", cancellationToken);
        return new OrchestrationState
        {
            InstanceId = TaskHubLayout.InstanceIdOf(row.PartitionKey),
            Name = row.GetString("Name") ?? string.Empty,
            ExecutionId = row.GetString("ExecutionId") ?? string.Empty,
            Status = Enum.Parse<OrchestrationRuntimeStatus>(row.GetString("Status") ?? nameof(OrchestrationRuntimeStatus.Pending)),
            CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
            LastUpdatedAt = row.GetDateTimeOffset("LastUpdatedAt") ?? default,
            CompletedAt = row.GetDateTimeOffset("CompletedAt"),
            ScheduledStartAt = row.GetDateTimeOffset("ScheduledStartAt"),
            ParentInstanceId = row.GetString("ParentInstanceId"),
            Input = await input,
            Output = await output,
            CustomStatus = await custom,
            FailureDetails = failure is null ? null : StoredJson.Deserialize<TaskFailureDetails>(failure),
        };
    }

    private async Task<InstanceRecord> ToRecordAsync(string instanceId, TableEntity row, CancellationToken cancellationToken)
    {
        Task<OrchestrationState> state = this.ToStateAsync(row, withPayloads: true, cancellationToken);
        int historyRows = row.GetInt32("HistoryRows") ?? 0;
        string executionId = row.GetString("ExecutionId") ?? string.Empty;
        Task<List<HistoryEvent>> committed = historyRows == 0 ? Task.FromResult(new List<HistoryEvent>()) : this.ReadHistoryRowsAsync(instanceId, executionId, historyRows, cancellationToken);
        List<string> tail = SplitEntries(row.GetString("Tail"));
        Task<HistoryEvent[]> tailEvents = this.ResolveAsync(tail, cancellationToken);
        string? outbox = await this.PayloadAsync(row, "Outbox", cancellationToken);
        string? outboxFor = row.GetString("OutboxFor");

        List<HistoryEvent> history = await committed;
        history.AddRange(await tailEvents);
        return new InstanceRecord
        {
            InstanceId = instanceId,
            State = await state,
            ETag = row.ETag,
            History = history,
            HistoryRows = historyRows,
            Tail = tail,
            Outbox = outbox is null ? [] : StoredJson.Deserialize<List<OutboxMessage>>(outbox),
            OutboxFor = outboxFor is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(StoredJson.Deserialize<List<string>>(outboxFor), StringComparer.Ordinal),
            IndexedStatuses = row.GetInt32("Indexed") ?? 0,
            CommitId = row.GetString("CommitId"),
            Blobs = PayloadProperties.Where(p => row.GetString(p + "Blob") is not null).ToDictionary(p => p, p => row.GetString(p + "Blob")!, StringComparer.Ordinal),
        };
    }

    private async Task<string?> PayloadAsync(TableEntity row, string property, CancellationToken cancellationToken) =>
        row.GetString(property + "Blob") is { } blob ? await payloads.DownloadAsync(blob, cancellationToken) : row.GetString(property);

    /// <summary>The raw JSON of each entry of a stored array.</summary>
    private static List<string> SplitEntries(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using JsonDocument document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetRawText())];
    }
}

/// <summary>What an instance row holds besides its keys.</summary>
internal sealed record InstanceRowContent(
    OrchestrationState State,
    int HistoryRows,
    IReadOnlyList<string> Tail,
    IReadOnlyList<OutboxMessage> Outbox,
    IReadOnlyCollection<string> OutboxFor,
    int IndexedStatuses,
    string CommitId);
