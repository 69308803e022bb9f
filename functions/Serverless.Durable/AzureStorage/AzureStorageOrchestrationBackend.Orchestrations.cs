using System.Threading.Channels;
using Serverless.Durable.Backend;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc/>
    /// <remarks>The first call starts the worker role (leases and pollers). The instance's record comes from the cache when this process ran its last step.</remarks>
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken)
    {
        await this.EnsureWorkerStartedAsync(cancellationToken);
        while (true)
        {
            InstanceSession? session = await this.NextReadySessionAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            ControlPartition partition = this.partitions[session.Partition];
            List<InboundMessage>? taken = this.TryTake(session);
            if (taken is null)
            {
                continue;
            }

            partition.Enter();
            var locked = new LockedInstance(session, taken);
            try
            {
                if (!partition.Owned)
                {
                    throw new WorkItemLockLostException($"Partition {partition.Index} is no longer owned.");
                }

                InstanceRecord? record = session.Record;
                if (record is null)
                {
                    // Evicted while writes of it were pending: the row is current only once they landed or were dropped.
                    Task? drained;
                    lock (this.gate)
                    {
                        drained = session.Writes?.Drained.Task;
                    }

                    if (drained is not null)
                    {
                        await drained.WaitAsync(cancellationToken);
                    }

                    record = await this.store.ReadAsync(session.InstanceId, cancellationToken);
                }

                locked.Record = record;
                session.Record = record;
                DateTimeOffset now = this.clock.GetUtcNow();
                locked.Expiry = this.clock.CreateTimer(static state => ((Expiry)state!).Run(), new Expiry(this, locked), this.options.OrchestrationLockTimeout, Timeout.InfiniteTimeSpan);
                return new OrchestrationWorkItem
                {
                    InstanceId = session.InstanceId,
                    State = record?.State,
                    History = record?.History ?? [],
                    Messages = [.. taken.Select(m => m.Message)],
                    ETag = record?.ETag.ToString(),
                    LockToken = Guid.NewGuid().ToString("N"),
                    LockedUntil = now + this.options.OrchestrationLockTimeout,
                    BackendData = locked,
                };
            }
            catch (Exception ex)
            {
                this.Unlock(locked, evict: true);
                await this.ReleaseMessagesAsync(taken, TimeSpan.Zero);
                if (ex is WorkItemLockLostException)
                {
                    continue;
                }

                throw;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>See <c>AzureStorageOrchestrationBackend.Commit.cs</c> for the order of writes and why it is safe.</remarks>
    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        var locked = (LockedInstance)workItem.BackendData!;
        try
        {
            lock (locked)
            {
                if (locked.Expired)
                {
                    throw new WorkItemLockLostException($"The lock on instance '{workItem.InstanceId}' expired before the commit.");
                }

                locked.Committing = true;
            }

            if (!this.partitions[locked.Session.Partition].Owned)
            {
                throw new WorkItemLockLostException($"The partition of instance '{workItem.InstanceId}' was lost before the commit.");
            }

            bool merged = this.options.MergeSteps && this.options.RunActivitiesInPartitionOwner && await this.CommitMergedAsync(locked, commit, cancellationToken);
            Func<Task>? afterwards = merged ? null : await this.CommitAsync(locked, commit, cancellationToken);
            this.Unlock(locked, evict: false);
            if (afterwards is not null)
            {
                this.RunInBackground(afterwards, workItem.InstanceId);
            }
        }
        catch (WorkItemLockLostException)
        {
            if (this.Unlock(locked, evict: true))
            {
                await this.ReleaseMessagesAsync(locked.Messages, TimeSpan.Zero);
            }

            throw;
        }
        catch
        {
            // The row may or may not have been written: forget the cache, the next step reads the row.
            this.Unlock(locked, evict: true);
            throw;
        }
        finally
        {
            this.Changed();
        }
    }

    /// <inheritdoc/>
    public async Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var locked = (LockedInstance)workItem.BackendData!;
        if (this.Unlock(locked, evict: false) || !locked.Expired)
        {
            // A failed commit has unlocked already but left the messages locked: they are handed back here all the same.
            await this.ReleaseMessagesAsync(locked.Messages, retryDelay < TimeSpan.Zero ? TimeSpan.Zero : retryDelay);
        }

        this.Changed();
    }

    /// <summary>Runs post-commit work without holding up the instance's next step; idle detection waits for it.</summary>
    private void RunInBackground(Func<Task> work, string instanceId)
    {
        Interlocked.Increment(ref this.busy);
        _ = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                // Whatever was not deleted comes back and is dropped as a duplicate.
                Log.CleanupFailed(this.logger, instanceId, ex);
            }
            finally
            {
                Interlocked.Decrement(ref this.busy);
                this.Changed();
            }
        });
    }

    private async Task<InstanceSession?> NextReadySessionAsync(CancellationToken cancellationToken)
    {
        long deadline = Environment.TickCount64 + (long)(this.options.MaxQueuePollingInterval * 5).TotalMilliseconds;
        while (true)
        {
            List<InstanceSession>? admitted;
            bool waiting;
            lock (this.gate)
            {
                admitted = this.AdmitLocked();
                waiting = this.admissions.Count > 0;
            }

            this.Ready(admitted);
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return this.ready.Reader.TryRead(out InstanceSession? last) ? last : null;
            }

            // While starts wait for admission, look again soon: instances going idle free their places without a signal.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(waiting ? Math.Min(100, left) : left));
            try
            {
                return await this.ready.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!waiting)
                {
                    return null;
                }
            }
            catch (ChannelClosedException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            }
        }
    }

    /// <summary>Takes a session's pending messages for a work item, unless a step of it is running or nothing waits.</summary>
    private List<InboundMessage>? TryTake(InstanceSession session)
    {
        lock (this.gate)
        {
            session.Queued = false;
            if (session.InFlight || session.Pending.Count == 0)
            {
                return null;
            }

            session.InFlight = true;
            session.LastUsed = Environment.TickCount64;
            this.ActivateLocked(session);
            List<InboundMessage> taken = [.. session.Pending];
            session.Pending.Clear();
            this.pendingMessages -= taken.Count;
            return taken;
        }
    }

    /// <summary>Ends a work item's lock once: the session may run its next step (readied if messages wait).</summary>
    /// <returns>Whether this call ended it (false when it had ended already, e.g. expired).</returns>
    private bool Unlock(LockedInstance locked, bool evict)
    {
        if (Interlocked.Exchange(ref locked.Unlocked, 1) == 1)
        {
            return false;
        }

        locked.Expiry?.Dispose();

        InstanceSession session = locked.Session;
        bool requeue = false;
        List<InstanceSession>? admitted;
        lock (this.gate)
        {
            session.InFlight = false;
            session.LastUsed = Environment.TickCount64;
            if (session.Record?.State.Status.IsTerminal() == true)
            {
                session.OutstandingActivities = 0;
                this.DeactivateLocked(session);
            }
            else if (!evict && session.Record is not null && session.OutstandingActivities == 0)
            {
                // A partition turning hot wakes its poller: it may be in a back-off of up to a second, which it would
                // otherwise sleep out before polling briskly (nothing else wakes it while calls run in process).
                ControlPartition partition = this.partitions[session.Partition];
                if (Interlocked.Exchange(ref partition.HotUntilTicks, session.LastUsed + (long)HotWindow.TotalMilliseconds) < session.LastUsed)
                {
                    partition.Wake.Set();
                }
            }

            if (evict || session.Record?.State.Status.IsTerminal() == true)
            {
                session.Record = null;
            }

            if (session.Pending.Count > 0 && !session.Queued)
            {
                session.Queued = true;
                requeue = true;
            }
            else if (session.Pending.Count == 0 && session.Record is null && session.Writes is null && this.sessions.GetValueOrDefault(session.InstanceId) == session)
            {
                this.sessions.Remove(session.InstanceId);
                this.DeactivateLocked(session);
            }

            if (this.sessions.Count > this.options.MaxCachedInstances)
            {
                this.TrimCacheLocked();
            }

            admitted = this.AdmitLocked();
        }

        this.partitions[session.Partition].Exit();
        if (requeue)
        {
            this.ready.Writer.TryWrite(session);
        }

        this.Ready(admitted);

        return true;
    }

    /// <summary>The lock timed out on the engine's clock while the step still ran: its messages are handed back for another work item, and its commit will fail.</summary>
    private void Expire(LockedInstance locked)
    {
        // A commit under way (slow storage) either lands and consumes the messages or fails and hands them back itself:
        // handing them back now as well would deliver them again beside a commit that consumed them.
        lock (locked)
        {
            if (Volatile.Read(ref locked.Unlocked) == 1 || this.stopping.IsCancellationRequested || locked.Committing)
            {
                return;
            }

            locked.Expired = true;
        }

        if (this.Unlock(locked, evict: true))
        {
            _ = this.ReleaseMessagesAsync(locked.Messages, TimeSpan.Zero);
        }
    }

    /// <summary>Forgets the least recently used idle tenth of the cache.</summary>
    private void TrimCacheLocked()
    {
        foreach (InstanceSession idle in this.sessions.Values
            .Where(s => !s.InFlight && !s.Queued && s.Pending.Count == 0 && s.Writes is null)
            .OrderBy(s => s.LastUsed)
            .Take(Math.Max(1, this.options.MaxCachedInstances / 10))
            .ToList())
        {
            this.sessions.Remove(idle.InstanceId);
            this.DeactivateLocked(idle);
        }
    }

    /// <summary>The backend's part of a locked work item.</summary>
    private sealed class LockedInstance(InstanceSession session, List<InboundMessage> messages)
    {
#pragma warning disable SA1401 // Interlocked needs a field.
        public int Unlocked;
#pragma warning restore SA1401

        public InstanceSession Session { get; } = session;

        public List<InboundMessage> Messages { get; } = messages;

        public InstanceRecord? Record { get; set; }

        public ITimer? Expiry { get; set; }

        /// <summary>The state the commit wrote, announced to in-process waiters once the step's messages are out.</summary>
        public OrchestrationState? Written { get; set; }

        public bool Expired { get; set; }

        public bool Committing { get; set; }
    }

    private sealed class Expiry(AzureStorageOrchestrationBackend owner, LockedInstance locked)
    {
        public void Run() => owner.Expire(locked);
    }
}
