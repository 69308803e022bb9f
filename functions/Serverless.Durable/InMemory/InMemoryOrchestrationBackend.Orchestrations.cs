using System.Globalization;
using Serverless.Durable.Backend;

namespace Serverless.Durable.InMemory;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc/>
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task change;
            DateTimeOffset? wakeAt = null;
            lock (this.gate)
            {
                DateTimeOffset now = this.timeProvider.GetUtcNow();
                foreach (Instance instance in this.withMessages)
                {
                    if (instance.LockToken is not null && instance.LockedUntil > now)
                    {
                        wakeAt = Earliest(wakeAt, instance.LockedUntil);
                        continue;
                    }

                    // An expired lock is simply taken over: the old holder's commit will fail on the token.
                    List<StoredMessage> visible = [.. instance.Messages.Where(m => m.VisibleAt <= now)];
                    if (visible.Count == 0)
                    {
                        wakeAt = Earliest(wakeAt, instance.Messages.Min(m => m.VisibleAt));
                        continue;
                    }

                    return this.Lock(instance, visible, now);
                }

                change = this.changed.Task;
            }

            await this.WaitAsync(change, wakeAt, cancellationToken);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Under one lock, but in the order a backend without multi-entity transactions needs: (1) if a message the previous
    /// commit consumed came back, that commit's outbox is sent again (it may have stopped before sending); (2) history,
    /// state and this commit's outbox are written (the commit point); (3) the outbox is sent; (4) the consumed messages
    /// are removed. <see cref="InMemoryBackendOptions.CrashAfterCommitPoint"/> stops a commit after (2).
    /// </remarks>
    public Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        bool crashed;
        lock (this.gate)
        {
            DateTimeOffset now = this.timeProvider.GetUtcNow();
            Instance instance = this.HeldInstance(workItem);
            foreach (TaskMessage message in commit.OrchestrationMessages.Concat(commit.ActivityMessages))
            {
                this.CheckDelay(message, now);
            }

            if (instance.Outbox is { } previous && instance.Locked.Exists(m => instance.OutboxFor.Contains(m.Message.MessageId)))
            {
                this.Send(previous, now);
            }

            if (commit.ReplacesHistory)
            {
                instance.History.Clear();
            }

            instance.History.AddRange(commit.NewEvents);
            if (commit.NewState is { } state)
            {
                instance.State = state;
                this.stateIndex.Add(instance.Id);
            }

            instance.Version++;
            instance.Outbox = commit;
            instance.OutboxFor = new HashSet<string>(instance.Locked.Select(m => m.Message.MessageId), StringComparer.Ordinal);
            crashed = this.options.CrashAfterCommitPoint?.Invoke(workItem, commit) == true;
            if (crashed)
            {
                // The "dead" holder keeps the lock until it expires; its abandon, like its commit, no longer counts.
                instance.LockToken = Guid.NewGuid().ToString("N");
            }
            else
            {
                this.Send(commit, now);
                foreach (StoredMessage consumed in instance.Locked)
                {
                    instance.Messages.Remove(consumed);
                }

                this.poison.AddRange(commit.PoisonMessages);
                this.Release(instance);
                this.RemoveIfEmpty(instance);
            }
        }

        this.Pulse();
        return crashed
            ? Task.FromException(new InvalidOperationException($"Simulated crash after the commit point of instance '{workItem.InstanceId}'."))
            : Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        lock (this.gate)
        {
            if (this.instances.TryGetValue(workItem.InstanceId, out Instance? instance) && instance.LockToken == workItem.LockToken)
            {
                DateTimeOffset visibleAt = this.timeProvider.GetUtcNow() + retryDelay;
                foreach (StoredMessage message in instance.Locked)
                {
                    message.VisibleAt = visibleAt;
                }

                this.Release(instance);
            }
        }

        this.Pulse();
        return Task.CompletedTask;
    }

    /// <summary>Sends a commit's outbound messages: to instances, and activity calls.</summary>
    private void Send(OrchestrationCommit commit, DateTimeOffset now)
    {
        foreach (TaskMessage message in commit.OrchestrationMessages)
        {
            this.Enqueue(message, now);
        }

        foreach (TaskMessage message in commit.ActivityMessages)
        {
            this.activities.AddLast(new ActivityEntry(message with { DequeueCount = 0 }, message.VisibleAt ?? now));
        }
    }

    private OrchestrationWorkItem Lock(Instance instance, List<StoredMessage> visible, DateTimeOffset now)
    {
        // To the back of the line: the next lock looks at the others first.
        this.UnmarkPending(instance);
        this.MarkPending(instance);
        instance.LockToken = Guid.NewGuid().ToString("N");
        instance.LockedUntil = now + this.options.LockTimeout;
        instance.Locked.Clear();
        instance.Locked.AddRange(visible);
        var messages = new List<TaskMessage>(visible.Count);
        foreach (StoredMessage message in visible)
        {
            message.DequeueCount++;
            messages.Add(message.Message with { DequeueCount = message.DequeueCount });
        }

        return new OrchestrationWorkItem
        {
            InstanceId = instance.Id,
            State = instance.State,
            History = [.. instance.History],
            Messages = messages,
            ETag = instance.Version.ToString(CultureInfo.InvariantCulture),
            LockToken = instance.LockToken,
            LockedUntil = instance.LockedUntil,
        };
    }

    /// <summary>The instance, if the work item still holds its lock and nothing changed it since; otherwise the commit fails.</summary>
    private Instance HeldInstance(OrchestrationWorkItem workItem)
    {
        if (!this.instances.TryGetValue(workItem.InstanceId, out Instance? instance) || instance.LockToken != workItem.LockToken)
        {
            throw new WorkItemLockLostException($"The lock on instance '{workItem.InstanceId}' was lost to another worker.");
        }

        if (instance.Version.ToString(CultureInfo.InvariantCulture) != workItem.ETag)
        {
            // Changed behind the lock (e.g. re-created by a client): release, so the new messages are not held up.
            this.Release(instance);
            throw new WorkItemLockLostException($"Instance '{workItem.InstanceId}' changed since it was locked (ETag {workItem.ETag}).");
        }

        return instance;
    }

    private void Release(Instance instance)
    {
        instance.LockToken = null;
        instance.Locked.Clear();
        if (instance.Messages.Count == 0)
        {
            this.UnmarkPending(instance);
        }
    }
}
