using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// The row is written first (inserted, or replacing a finished instance's row if its ETag is unchanged), then the start
    /// message is sent; if the send fails the row is put back as it was. Of concurrent creates, the write decides: the
    /// loser sees a conflict and then the winner's unfinished row. A process that dies between the two writes leaves a
    /// Pending instance without a start message: terminating it (a message the engine applies to a Pending instance) frees the id.
    /// </remarks>
    public async Task<bool> CreateInstanceAsync(OrchestrationState state, TaskMessage startMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(startMessage);
        await this.EnsureLayoutAsync(cancellationToken);

        // A new id is the common case: try the insert first and read only when the id turns out to be taken.
        bool read = false;
        while (true)
        {
            TableEntity? existing = read ? await this.store.ReadRowAsync(state.InstanceId, cancellationToken) : null;
            OrchestrationRuntimeStatus? status = existing?.GetString("Status") is { } s ? Enum.Parse<OrchestrationRuntimeStatus>(s) : null;
            if (status is { } current && !current.IsTerminal())
            {
                await this.ForgetSpeculativeIndexAsync(state, existing!);
                return false;
            }

            string commitId = Guid.NewGuid().ToString("N");
            int indexed = (existing?.GetInt32("Indexed") ?? 0) | InstanceRecord.Bit(state.Status);
            await Task.WhenAll(this.store.UpsertIndexAsync(state, cancellationToken), this.store.UpsertLookupIndexesAsync(state, cancellationToken));
            (TableEntity row, Dictionary<string, string> blobs) = await this.store.BuildRowAsync(new InstanceRowContent(state, 0, [], [], [], indexed, commitId), null, cancellationToken);
            ETag written;
            try
            {
                written = await this.store.WriteRowAsync(row, existing?.ETag, commitId, cancellationToken);
            }
            catch (WorkItemLockLostException)
            {
                // The id is taken (or someone else created or replaced it meanwhile): decide again on what is there now.
                read = true;
                continue;
            }

            if (existing is null)
            {
                // Before the start goes out: the first step then needs no read of the row this process just wrote.
                this.RememberCreated(new InstanceRecord { InstanceId = state.InstanceId, State = state, ETag = written, History = [], IndexedStatuses = indexed, CommitId = commitId, Blobs = blobs });
            }

            try
            {
                string text = await this.codec.EncodeAsync(startMessage, cancellationToken);
                await this.SendToInstanceAsync(state.InstanceId, text, startMessage.VisibleAt, cancellationToken);
            }
            catch
            {
                await this.RestoreAsync(state.InstanceId, existing, written);
                throw;
            }

            if (status is { } previous && previous != state.Status)
            {
                await this.store.DeleteIndexAsync(state.InstanceId, previous, cancellationToken);
            }

            if (existing is not null)
            {
                this.ForgetCached(state.InstanceId);
                this.ForgetReplacedLookups(state, existing);
            }

            if (existing?.GetString("ExecutionId") is { } oldExecution && (existing.GetInt32("HistoryRows") ?? 0) > 0)
            {
                _ = Task.Run(() => this.store.DeleteHistoryAsync(state.InstanceId, oldExecution, CancellationToken.None).ContinueWith(
                    t => Log.CleanupFailed(this.logger, state.InstanceId, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default), CancellationToken.None);
            }

            this.Changed();
            return true;
        }
    }

    /// <inheritdoc/>
    public async Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await this.EnsureLayoutAsync(cancellationToken);
        string text = await this.codec.EncodeAsync(message, cancellationToken);
        await this.SendToInstanceAsync(message.InstanceId, text, message.VisibleAt, cancellationToken);
        this.Changed();
    }

    /// <inheritdoc/>
    public async Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInputsAndOutputs, CancellationToken cancellationToken)
    {
        await this.EnsureLayoutAsync(cancellationToken);
        await this.AwaitPendingWritesAsync(instanceId, cancellationToken);
        return await this.store.ReadStateAsync(instanceId, fetchInputsAndOutputs, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Polls the row with back-off (up to the maximum polling interval); a state this process writes is checked as it is
    /// written, without a read.
    /// </remarks>
    public async Task<OrchestrationState> WaitForStateAsync(string instanceId, Func<OrchestrationState, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan backoff = this.options.MinQueuePollingInterval;
        bool read = true;
        while (true)
        {
            Task<OrchestrationState> written = this.stateWaiters.GetOrAdd(instanceId, _ => new TaskCompletionSource<OrchestrationState>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            if (read && await this.GetStateAsync(instanceId, fetchInputsAndOutputs: true, cancellationToken) is { } state && condition(state))
            {
                return state;
            }

            Task delay = Task.Delay(backoff, TimeProvider.System, cancellationToken);
            await Task.WhenAny(written, delay);
            cancellationToken.ThrowIfCancellationRequested();
            if (written.IsCompletedSuccessfully && condition(written.Result))
            {
                return written.Result;
            }

            // Woken by a local write that did not satisfy the condition: wait on without reading, unless the poll is due.
            read = delay.IsCompleted;
            if (read)
            {
                backoff = backoff * 2 > this.options.MaxQueuePollingInterval ? this.options.MaxQueuePollingInterval : backoff * 2;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Deletes the row first (if unchanged since read: the commit point), then the index rows, every history row and
    /// every payload blob of the id. Messages still queued for it are dropped by the engine when they arrive.
    /// </remarks>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await this.EnsureLayoutAsync(cancellationToken);
        TableEntity? row = await this.store.ReadRowAsync(instanceId, cancellationToken);
        if (row?.GetString("Status") is not { } status || !Enum.Parse<OrchestrationRuntimeStatus>(status).IsTerminal())
        {
            return false;
        }

        if (!await this.store.DeleteRowAsync(instanceId, row.ETag, cancellationToken))
        {
            return false;
        }

        this.ForgetCached(instanceId);
        await Task.WhenAll(
            this.store.DeleteIndexesAsync(instanceId, row.GetInt32("Indexed") ?? 0, cancellationToken),
            this.store.DeleteLookupIndexesAsync(instanceId, row.GetString("Name") ?? string.Empty, row.GetDateTimeOffset("CreatedAt") ?? default, cancellationToken),
            this.store.DeleteHistoryAsync(instanceId, null, cancellationToken),
            this.store.Payloads.DeleteInstanceAsync(instanceId, cancellationToken));
        this.Changed();
        return true;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await this.EnsureLayoutAsync(cancellationToken);
        await this.AwaitPendingWritesAsync(instanceId, cancellationToken);
        return (await this.store.ReadAsync(instanceId, cancellationToken))?.History ?? [];
    }

    /// <summary>A finished instance was replaced by a new one of the same id: its name and creation-day rows go unless the new one has the same.</summary>
    private void ForgetReplacedLookups(OrchestrationState state, TableEntity replaced)
    {
        string name = replaced.GetString("Name") ?? string.Empty;
        DateTimeOffset createdAt = replaced.GetDateTimeOffset("CreatedAt") ?? default;
        var stale = new List<string>();
        if (!string.Equals(TaskHubLayout.NamePartition(name), TaskHubLayout.NamePartition(state.Name), StringComparison.Ordinal))
        {
            stale.Add(TaskHubLayout.NamePartition(name));
        }

        if (TaskHubLayout.CreatedPartition(createdAt) != TaskHubLayout.CreatedPartition(state.CreatedAt))
        {
            stale.Add(TaskHubLayout.CreatedPartition(createdAt));
        }

        if (stale.Count > 0)
        {
            this.RunInBackground(() => Task.WhenAll(stale.Select(p => this.storage.Index.DeleteEntityAsync(p, TaskHubLayout.Key(state.InstanceId), ETag.All, CancellationToken.None))), state.InstanceId);
        }
    }

    /// <summary>A create that found the id taken had written its status's index row first: remove it unless the instance's own row claims it.</summary>
    private async Task ForgetSpeculativeIndexAsync(OrchestrationState state, TableEntity existing)
    {
        if (((existing.GetInt32("Indexed") ?? 0) & InstanceRecord.Bit(state.Status)) != 0)
        {
            return;
        }

        try
        {
            await this.store.DeleteIndexAsync(state.InstanceId, state.Status, CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // A leftover index row is harmless: queries check every hit against the instance row.
            Log.CleanupFailed(this.logger, state.InstanceId, ex);
        }
    }

    /// <summary>Puts an instance row back as it was before a create whose start message could not be sent.</summary>
    private async Task RestoreAsync(string instanceId, TableEntity? previous, ETag written)
    {
        this.ForgetCached(instanceId);
        try
        {
            if (previous is null)
            {
                await this.store.DeleteRowAsync(instanceId, written, CancellationToken.None);
            }
            else
            {
                await this.storage.Instances.UpdateEntityAsync(previous, written, TableUpdateMode.Replace, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            Log.CleanupFailed(this.logger, instanceId, ex);
        }
    }

    /// <summary>Caches a new instance's record in its session when this process owns the instance's partition (and no step of it runs).</summary>
    private void RememberCreated(InstanceRecord record)
    {
        int partition = this.layout.PartitionOf(record.InstanceId);
        lock (this.gate)
        {
            if (!this.partitions[partition].Owned)
            {
                return;
            }

            if (!this.sessions.TryGetValue(record.InstanceId, out InstanceSession? session))
            {
                session = new InstanceSession(record.InstanceId, partition);
                this.sessions.Add(record.InstanceId, session);
            }

            if (!session.InFlight)
            {
                session.Record = record;
            }
        }
    }

    /// <summary>Drops this process's cached record of an instance changed from outside its steps.</summary>
    private void ForgetCached(string instanceId)
    {
        lock (this.gate)
        {
            if (this.sessions.TryGetValue(instanceId, out InstanceSession? session))
            {
                session.Record = null;
            }
        }
    }
}
