using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.Core;
using Serverless.Durable.History;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// Activity calls run in the process that owns the caller's partition (<see cref="AzureStorageOrchestrationOptions.RunActivitiesInPartitionOwner"/>).
/// </summary>
/// <remarks>
/// <para>A call is handed to this process's activity dispatchers by the commit that schedules it, and its outcome goes
/// back to the caller's session in memory: no queue message is sent, received or deleted for it.</para>
/// <para>Durability: the scheduling commit is in the instance's history, and before that commit the instance's in-flight
/// row (index table, partition <c>a-{partition}</c>, row key = instance key) is written. The row is deleted, conditional
/// on the version this process wrote, once a commit leaves no call unanswered (or the instance finishes), so the rows
/// name only instances with calls under way. A process that acquires a partition reads its rows and runs every call
/// scheduled and not answered again (at least once; the engine drops a second outcome), after sending again the
/// outbox of the instance's last commit (its owner may have died before sending it, and a step that consumed only
/// outcomes handed over in memory has no queue message whose return would re-send it). Each such recovery counts on
/// the row, and the count is the calls' dequeue count: a call that keeps killing its process is poisoned like a queue
/// message that keeps coming back.</para>
/// </remarks>
public sealed partial class AzureStorageOrchestrationBackend
{
    private const string RecoveriesColumn = "Recoveries";

    /// <summary>Hands activity calls to this process's dispatchers.</summary>
    private void DispatchInProcess(IReadOnlyList<TaskMessage> calls, int dequeueCount)
    {
        foreach (TaskMessage call in calls)
        {
            this.activityBuffer.Enqueue(new ActivityDelivery(call with { DequeueCount = dequeueCount }, null, null, null, Environment.TickCount64));
            this.activityAvailable.Release();
        }

        if (calls.Count > 0)
        {
            Interlocked.Increment(ref this.version);
        }
    }

    /// <summary>Runs again calls an instance's history has unanswered (after a takeover, or a consumed message that came back): they count as outstanding.</summary>
    private void DispatchAgain(InstanceSession session, IReadOnlyList<TaskMessage> calls, int dequeueCount)
    {
        lock (this.gate)
        {
            session.OutstandingActivities += calls.Count;
        }

        this.DispatchInProcess(calls, dequeueCount);
    }

    /// <summary>A call handed over in process that its dispatcher gave back: run it again shortly, unless its partition went elsewhere (its new owner runs it).</summary>
    private async Task HandBackLocalCallAsync(ActivityDelivery delivery)
    {
        if (this.stopping.IsCancellationRequested)
        {
            return;
        }

        await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);
        if (!this.stopping.IsCancellationRequested && this.partitions[this.layout.PartitionOf(delivery.Message.InstanceId)].Owned)
        {
            this.DispatchInProcess([delivery.Message], delivery.Message.DequeueCount + 1);
        }
    }

    /// <summary>Writes the instance's in-flight row unless this process wrote it already (and has not deleted it since).</summary>
    private async Task WriteInFlightRowAsync(InstanceSession session, CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            if (session.InFlightRow is not null)
            {
                return;
            }
        }

        // Merge keeps the recovery count of a row a takeover wrote.
        var row = new TableEntity(TaskHubLayout.ActivitiesPartition(session.Partition), TaskHubLayout.Key(session.InstanceId)) { ["WrittenBy"] = this.WorkerId };
        Response response = await this.storage.Index.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        lock (this.gate)
        {
            session.InFlightRow = response.Headers.ETag ?? ETag.All;
        }
    }

    /// <summary>After a commit, before the instance's lock is released: whether its in-flight row can go (no call left unanswered).</summary>
    /// <returns>The deletion to run off the step's critical path; <see langword="null"/> when the row stays.</returns>
    /// <remarks>
    /// The session forgets the row at once, so the instance's next step writes it again if it schedules calls; the
    /// deletion is conditional on the version this process wrote, so it fails against that rewrite whichever lands first.
    /// A finished instance's row goes whatever its version, as nothing can schedule calls for it any more.
    /// </remarks>
    private Func<Task>? ReleaseInFlightRowIfAnswered(InstanceSession session, InstanceRecord written)
    {
        bool finished = written.State.Status.IsTerminal();
        ETag? version;
        lock (this.gate)
        {
            version = session.InFlightRow;
        }

        // Only this process's own row, or a finished instance's (whose version it may not know), is worth a look at the history.
        bool goes = finished
            ? version is not null || written.History.Any(e => e is TaskScheduledEvent)
            : version is not null && UnansweredScheduled(written.History).Count == 0;
        if (!goes)
        {
            return null;
        }

        lock (this.gate)
        {
            session.InFlightRow = null;
        }

        return async () =>
        {
            try
            {
                await this.storage.Index.DeleteEntityAsync(
                    TaskHubLayout.ActivitiesPartition(session.Partition), TaskHubLayout.Key(session.InstanceId), finished ? ETag.All : version!.Value, CancellationToken.None);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Written again since (new calls): it stays.
            }
        };
    }

    /// <summary>On acquiring a partition: runs again the unanswered calls of every instance its in-flight rows name.</summary>
    /// <remarks>The caller counted it as busy; it ends that.</remarks>
    private async Task RecoverInFlightCallsAsync(ControlPartition partition, CancellationToken ownership)
    {
        try
        {
            // Until it succeeds while the partition is ours: nobody else will run these calls.
            HashSet<string> recovered = new(StringComparer.Ordinal);
            for (int attempt = 0; !ownership.IsCancellationRequested; attempt++)
            {
                try
                {
                    string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TaskHubLayout.ActivitiesPartition(partition.Index)}");
                    var rows = new List<TableEntity>();
                    await foreach (TableEntity row in this.storage.Index.QueryAsync<TableEntity>(filter, cancellationToken: ownership))
                    {
                        if (!recovered.Contains(row.RowKey))
                        {
                            rows.Add(row);
                        }
                    }

                    await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ownership }, async (row, ct) =>
                    {
                        await this.RecoverInstanceAsync(partition.Index, row, ct);
                        lock (recovered)
                        {
                            recovered.Add(row.RowKey);
                        }
                    });
                    return;
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException && !ownership.IsCancellationRequested)
                {
                    Log.InFlightRecoveryFailed(this.logger, partition.Index, this.HubName, ex);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, 1 << Math.Min(attempt, 4))), TimeProvider.System, ownership);
                }
            }
        }
        catch (OperationCanceledException) when (ownership.IsCancellationRequested)
        {
            // The partition went elsewhere: its new owner recovers it.
        }
        finally
        {
            Interlocked.Decrement(ref this.busy);
            this.Changed();
        }
    }

    private async Task RecoverInstanceAsync(int partition, TableEntity row, CancellationToken cancellationToken)
    {
        string instanceId = TaskHubLayout.InstanceIdOf(row.RowKey);
        InstanceRecord? record = await this.store.ReadAsync(instanceId, cancellationToken);
        if (record is { Outbox.Count: > 0 })
        {
            // Its last commit's sends may not have happened (the owner died first); a second copy is dropped as a duplicate.
            Log.OutboxResent(this.logger, instanceId);
            await this.SendOutboxAsync(record.Outbox, cancellationToken);
        }

        List<TaskMessage> calls = record is null || record.State.Status.IsTerminal() ? [] : UnansweredCalls(record);
        if (calls.Count == 0)
        {
            try
            {
                await this.storage.Index.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A step of this process wrote it since: it is that step's now.
            }

            return;
        }

        // Unconditional: a step of this process may have written the row since it was read (for calls of its own), and
        // the calls the dead owner left must run all the same.
        int recoveries = (row.GetInt32(RecoveriesColumn) ?? 0) + 1;
        var counted = new TableEntity(row.PartitionKey, row.RowKey) { [RecoveriesColumn] = recoveries, ["WrittenBy"] = this.WorkerId };
        ETag version = (await this.storage.Index.UpsertEntityAsync(counted, TableUpdateMode.Merge, cancellationToken)).Headers.ETag ?? ETag.All;
        Log.InFlightCallsRecovered(this.logger, instanceId, calls.Count, recoveries);
        InstanceSession? session;
        lock (this.gate)
        {
            if (!this.sessions.TryGetValue(instanceId, out session))
            {
                session = new InstanceSession(instanceId, partition);
                this.sessions.Add(instanceId, session);
            }

            session.InFlightRow = version;
        }

        this.DispatchAgain(session, calls, dequeueCount: recoveries + 1);
    }

    /// <summary>The activity calls the instance's current execution scheduled and has no outcome for, as the commit sent them.</summary>
    private static List<TaskMessage> UnansweredCalls(InstanceRecord record)
    {
        string executionId = record.State.ExecutionId;
        return [.. UnansweredScheduled(record.History).Select(s => new TaskMessage(MessageIds.Activity(record.InstanceId, executionId, s.EventId), record.InstanceId, executionId, s))];
    }

    /// <summary>The scheduling events of the calls a history has no outcome for.</summary>
    private static IReadOnlyCollection<TaskScheduledEvent> UnansweredScheduled(IReadOnlyList<HistoryEvent> history)
    {
        var open = new Dictionary<int, TaskScheduledEvent>();
        foreach (HistoryEvent e in history)
        {
            switch (e)
            {
                case TaskScheduledEvent scheduled:
                    open[scheduled.EventId] = scheduled;
                    break;
                case TaskCompletedEvent completed:
                    open.Remove(completed.TaskScheduledId);
                    break;
                case TaskFailedEvent failed:
                    open.Remove(failed.TaskScheduledId);
                    break;
            }
        }

        return open.Values;
    }
}
