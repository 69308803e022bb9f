using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// Write-behind (<see cref="AzureStorageOrchestrationOptions.MergeSteps"/>): consecutive steps of one instance share one
/// instance-row write.
/// </summary>
/// <remarks>
/// <para>With calls run in process, a sequence's next step comes microseconds after the last one, and each used to wait
/// for its own row write. Now a step that only consumed outcomes handed over in memory, sends nothing and keeps the
/// status is <i>speculative</i>: its commit returns at once, its calls are dispatched, and the next step runs on its
/// state. One writer per instance writes the steps queued since its last write in one row write, conditional on the
/// ETag of the last write that landed; its outbox is the union of its steps', its consumed ids those of its one waiting step.</para>
/// <para>Safe because nothing anyone else can observe depends on a speculative step: it sends nothing, deletes no queue
/// message and changes no status; a call it dispatched that is lost in a crash was never durable (the recovered
/// instance schedules it again under the same id). Every other step waits in the queue for the write that covers it,
/// and that write's outbox is sent before the next write replaces it (so a crash in between still finds it in the row).
/// A write that fails drops every queued step and evicts the instance: on a lost ETag the outcomes they consumed are
/// handed back (the new owner recovers the rest from the in-flight row); on any other failure the instance is recovered
/// from its row as a takeover would (its outbox sent again, its unanswered calls run again).</para>
/// </remarks>
public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>For tests: called before each write-behind row write with the instance id and the number of steps it carries; may hold or fail it.</summary>
    internal Func<string, int, Task>? BeforeMergedWrite { get; set; }

    /// <summary>Commits a step through its instance's writer.</summary>
    /// <returns><see langword="false"/> when the step has nothing to write and no write is pending: the direct path commits it.</returns>
    /// <remarks>Returns at once for a speculative step; otherwise once the write covering the step landed and its outbox was sent.</remarks>
    private async Task<bool> CommitMergedAsync(LockedInstance locked, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        InstanceSession session = locked.Session;
        InstanceRecord? record = locked.Record;
        InstanceRecord? durable;
        bool pending;
        lock (this.gate)
        {
            durable = this.DurableBaseLocked(session, record);
            pending = session.Writes is not null;
        }

        if (durable is { OutboxSent: false } && locked.Messages.Any(m => durable.OutboxFor.Contains(m.Message.MessageId)))
        {
            await this.ResendAsync(session, durable, rerunCalls: true, cancellationToken);
        }

        if (!pending && commit.NewState is null && commit.NewEvents.Count == 0 && !commit.ReplacesHistory)
        {
            return false;
        }

        List<OutboxMessage> outbox = await this.EncodeOutboxAsync(commit, activitiesInProcess: true, cancellationToken);
        bool speculative = record is not null && outbox.Count == 0 && commit.PoisonMessages.Count == 0 && !commit.ReplacesHistory &&
            (commit.NewState is null || commit.NewState.Status == record.State.Status) &&
            locked.Messages.All(m => m.Receipt is null && m.PayloadBlob is null);
        var step = new MergedStep(commit, outbox, locked.Messages, speculative ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        PendingWrites? started = null;
        lock (this.gate)
        {
            // Again: the session may have been evicted meanwhile (partition dropped, a write lost).
            durable = this.DurableBaseLocked(session, record);
            PendingWrites writes = session.Writes ??= started = new PendingWrites(durable);
            if (writes.Queued.Count == 0)
            {
                writes.FirstQueuedAt = Environment.TickCount64;
            }

            writes.Queued.Add(step);
            if (speculative)
            {
                session.Record = new InstanceRecord
                {
                    InstanceId = session.InstanceId,
                    State = commit.NewState ?? record!.State,
                    ETag = record!.ETag,
                    History = [.. record.History, .. commit.NewEvents],
                    OutboxSent = true,
                    Pending = writes,
                };
                session.OutstandingActivities += commit.ActivityMessages.Count;
            }

            // Write now unless more steps of the instance are on their way (a call of it still runs); a new custom status is
            // for clients to see, so it does not wait for more either.
            bool newCustomStatus = commit.NewState is { } next && !string.Equals(next.CustomStatus, record?.State.CustomStatus, StringComparison.Ordinal);
            if (!speculative || newCustomStatus || session.OutstandingActivities == 0 || writes.Queued.Count >= this.options.MaxMergedSteps || this.options.MaxMergeDelay == TimeSpan.Zero)
            {
                writes.Due = true;
                writes.Wake?.TrySetResult();
            }

            if (started is not null)
            {
                Interlocked.Increment(ref this.busy);
                this.partitions[session.Partition].Enter();
            }
        }

        if (started is not null)
        {
            _ = Task.Run(() => this.WriteBehindAsync(session, started), CancellationToken.None);
        }

        if (speculative)
        {
            this.DispatchInProcess(commit.ActivityMessages, dequeueCount: 1);
            return true;
        }

        await step.Landed!.Task;
        return true;
    }

    /// <summary>The record the instance's next write is conditional on, checking that the step ran on the session's current record.</summary>
    /// <exception cref="WorkItemLockLostException">The session was evicted (or its writes dropped) since the step's work item was locked.</exception>
    private InstanceRecord? DurableBaseLocked(InstanceSession session, InstanceRecord? record)
    {
        PendingWrites? writes = session.Writes;
        // With writes pending, the step ran on the latest speculative record or (its writer not yet gone) on the landed one.
        bool current = ReferenceEquals(session.Record, record) && record?.Pending is not { Failed: true } &&
            (writes is null || record?.Pending == writes || ReferenceEquals(record, writes.Landed));
        if (!current)
        {
            throw new WorkItemLockLostException($"The cached record of instance '{session.InstanceId}' was dropped before the commit.");
        }

        return writes?.Landed ?? record?.Pending?.Landed ?? record;
    }

    /// <summary>The instance's writer: writes the queued steps, one row write at a time, until none is left.</summary>
    /// <remarks>The caller counted it as busy and entered its partition (a partition released gracefully waits for it).</remarks>
    private async Task WriteBehindAsync(InstanceSession session, PendingWrites writes)
    {
        try
        {
            while (true)
            {
                List<MergedStep> batch = [];
                Task? more = null;
                TimeSpan wait = TimeSpan.Zero;
                lock (this.gate)
                {
                    if (writes.Queued.Count == 0)
                    {
                        if (session.Writes == writes)
                        {
                            session.Writes = null;
                        }

                        break;
                    }

                    wait = this.options.MaxMergeDelay - TimeSpan.FromMilliseconds(Environment.TickCount64 - writes.FirstQueuedAt);
                    if (!writes.Due && wait > TimeSpan.Zero)
                    {
                        writes.Wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        more = writes.Wake.Task;
                    }
                    else
                    {
                        batch = [.. writes.Queued];
                        writes.Queued.Clear();
                        writes.Due = false;
                        writes.Wake = null;
                    }
                }

                if (more is not null)
                {
                    // Wall-clock: this paces requests to the service, like polling.
                    await Task.WhenAny(more, Task.Delay(wait, TimeProvider.System, CancellationToken.None));
                    continue;
                }

                try
                {
                    await this.WriteBatchAsync(session, writes, batch);
                }
                catch (Exception ex)
                {
                    this.DropSpeculation(session, writes, batch, ex);
                    break;
                }
            }
        }
        finally
        {
            writes.Drained.TrySetResult();
            this.partitions[session.Partition].Exit();
            Interlocked.Decrement(ref this.busy);
            this.Changed();
        }
    }

    /// <summary>One write for a batch of steps, then what must follow it before the next: calls of waiting steps, the outbox, notifications.</summary>
    private async Task WriteBatchAsync(InstanceSession session, PendingWrites writes, List<MergedStep> batch)
    {
        string instanceId = session.InstanceId;
        InstanceRecord? record;
        lock (this.gate)
        {
            record = writes.Landed;
        }

        bool replace = false;
        var events = new List<HistoryEvent>();
        OrchestrationState? state = null;
        foreach (MergedStep step in batch)
        {
            // A new execution (continue-as-new) makes its events the whole history; later steps append to them.
            if (step.Commit.ReplacesHistory)
            {
                replace = true;
                events.Clear();
            }

            events.AddRange(step.Commit.NewEvents);
            state = step.Commit.NewState ?? state;
        }

        List<OutboxMessage> outbox = [.. batch.SelectMany(s => s.Outbox)];
        List<InboundMessage> messages = [.. batch.SelectMany(s => s.Messages)];
        List<MergedStep> waiting = [.. batch.Where(s => s.Landed is not null)];
        List<TaskMessage> waitingCalls = [.. waiting.SelectMany(s => s.Commit.ActivityMessages)];
        if (!this.partitions[session.Partition].Owned)
        {
            throw new WorkItemLockLostException($"The partition of instance '{instanceId}' was lost before its pending write.");
        }

        InstanceRecord? written = null;
        OrchestrationRuntimeStatus? leftStatus = null;
        if (batch.Any(s => s.Changes))
        {
            // The in-flight row rule of a single commit, over the batch: before the write unless every step consumed a queue message.
            bool needsRow = batch.Any(s => s.Commit.ActivityMessages.Count > 0 || (s.Outbox.Count > 0 && !s.FromQueue));
            Task inFlightRow = needsRow ? this.WriteInFlightRowAsync(session, CancellationToken.None) : Task.CompletedTask;
            if (!batch.All(s => s.FromQueue))
            {
                await inFlightRow;
            }

            if (this.BeforeMergedWrite is { } hook)
            {
                await hook(instanceId, batch.Count);
            }

            var merged = new OrchestrationCommit { NewEvents = events, NewState = state, ReplacesHistory = replace };
            // Only the waiting step's (a batch has at most one): speculative steps consumed outcomes handed over in memory,
            // which a crash loses rather than redelivers, so their ids would only swell the row (a fan-in merges many).
            HashSet<string> consumed = [.. waiting.SelectMany(s => s.Messages).Select(m => m.Message.MessageId)];
            Task<InstanceRecord> write = this.WriteInstanceAsync(instanceId, record, merged, outbox, consumed, CancellationToken.None);
            await Task.WhenAll(write, inFlightRow);
            written = await write;
            lock (this.gate)
            {
                writes.Landed = written;
                session.OutstandingActivities += waitingCalls.Count;

                // A waiting step is the batch's last (it holds the instance's lock): its successor starts from the landed record.
                if (waiting.Count > 0 && session.Record is not null)
                {
                    session.Record = written;
                }
            }

            this.CleanUpAfter(record, written);
            if (record is not null && record.State.Status != written.State.Status)
            {
                leftStatus = record.State.Status;
            }

            this.DispatchInProcess(waitingCalls, dequeueCount: 1);
        }

        // Before the next write replaces the row's outbox: a crash until then finds it in the row.
        await this.SendOutboxAsync(outbox, CancellationToken.None);
        if (written is not null)
        {
            written.OutboxSent = true;
        }

        await this.CopyToPoisonAsync(messages, [.. batch.SelectMany(s => s.Commit.PoisonMessages)], CancellationToken.None);
        if (written is not null)
        {
            this.StateWritten(written.State);
        }

        Func<Task>? clearInFlightRow = written is not null ? this.ReleaseInFlightRowIfAnswered(session, written) : null;
        foreach (MergedStep step in waiting)
        {
            step.Landed!.TrySetResult();
        }

        this.RunInBackground(this.AfterSends(instanceId, messages, leftStatus, clearInFlightRow), instanceId);
    }

    /// <summary>A write failed: every step not yet written is dropped and the instance evicted, then what they consumed is made to come back.</summary>
    private void DropSpeculation(InstanceSession session, PendingWrites writes, List<MergedStep> batch, Exception exception)
    {
        List<MergedStep> dropped;
        lock (this.gate)
        {
            dropped = [.. batch, .. writes.Queued];
            writes.Queued.Clear();
            writes.Failed = true;
            if (session.Writes == writes)
            {
                session.Writes = null;
            }

            session.Record = null;
        }

        Log.MergedWriteFailed(this.logger, session.InstanceId, dropped.Count, exception);
        foreach (MergedStep step in dropped)
        {
            // A waiting step's own failure path hands its messages back.
            step.Landed?.TrySetException(exception);
        }

        List<InboundMessage> speculative = [.. dropped.Where(s => s.Landed is null).SelectMany(s => s.Messages)];
        if (exception is WorkItemLockLostException)
        {
            // Someone else owns the instance now: the outcomes go to its control queue (duplicates are dropped there).
            this.RunInBackground(() => this.ReleaseMessagesAsync(speculative, TimeSpan.Zero), session.InstanceId);
        }
        else
        {
            this.RunInBackground(() => this.RecoverAfterFailedWriteAsync(session), session.InstanceId);
        }
    }

    /// <summary>After a write that failed (not lost): recovers the instance from its row as a takeover would.</summary>
    /// <remarks>The write may or may not have landed: the row's outbox is sent again and its unanswered calls run again (duplicates are dropped).</remarks>
    private async Task RecoverAfterFailedWriteAsync(InstanceSession session)
    {
        ControlPartition partition = this.partitions[session.Partition];
        for (int attempt = 0; partition.Owned && !this.stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                // As when a consumed message comes back, with the calls of a finished instance left alone.
                if (await this.store.ReadAsync(session.InstanceId, this.stopping.Token) is { } record)
                {
                    await this.ResendAsync(session, record, rerunCalls: !record.State.Status.IsTerminal(), this.stopping.Token);
                }

                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                Log.MergedWriteFailed(this.logger, session.InstanceId, 0, ex);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, 1 << Math.Min(attempt, 4))), TimeProvider.System, this.stopping.Token);
            }
        }
    }

    /// <summary>Makes the writers of a partition's instances (every partition's when <see langword="null"/>) write now instead of waiting for more steps.</summary>
    /// <remarks>On releasing a partition or stopping: nothing more is coming, and the release waits for them.</remarks>
    private void FlushPendingWrites(int? partition)
    {
        lock (this.gate)
        {
            foreach (PendingWrites writes in this.sessions.Values.Where(s => partition is null || s.Partition == partition).Select(s => s.Writes).OfType<PendingWrites>())
            {
                writes.Due = true;
                writes.Wake?.TrySetResult();
            }
        }
    }

    /// <summary>Waits until this process's pending writes of an instance landed (or were dropped): a client in this process reads its own writes.</summary>
    private async Task AwaitPendingWritesAsync(string instanceId, CancellationToken cancellationToken)
    {
        Task? drained;
        lock (this.gate)
        {
            drained = this.sessions.GetValueOrDefault(instanceId)?.Writes?.Drained.Task;
        }

        if (drained is not null)
        {
            await drained.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits for every pending write of this process (on stopping, before the partitions are released).</summary>
    private async Task AwaitAllPendingWritesAsync(CancellationToken cancellationToken)
    {
        this.FlushPendingWrites(null);
        Task[] drained;
        lock (this.gate)
        {
            drained = [.. this.sessions.Values.Select(s => s.Writes?.Drained.Task).OfType<Task>()];
        }

        await Task.WhenAll(drained).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
