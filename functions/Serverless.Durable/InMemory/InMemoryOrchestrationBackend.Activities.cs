using Serverless.Durable.Backend;

namespace Serverless.Durable.InMemory;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc/>
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task change;
            DateTimeOffset? wakeAt = null;
            lock (this.gate)
            {
                DateTimeOffset now = this.timeProvider.GetUtcNow();
                foreach (ActivityEntry entry in this.activities)
                {
                    DateTimeOffset availableAt = entry.LockToken is null ? entry.VisibleAt : entry.LockedUntil;
                    if (availableAt > now)
                    {
                        wakeAt = Earliest(wakeAt, availableAt);
                        continue;
                    }

                    entry.LockToken = Guid.NewGuid().ToString("N");
                    entry.LockedUntil = now + this.options.LockTimeout;
                    entry.DequeueCount++;
                    return new ActivityWorkItem
                    {
                        Message = entry.Message with { DequeueCount = entry.DequeueCount },
                        LockToken = entry.LockToken,
                        LockedUntil = entry.LockedUntil,
                        BackendData = entry,
                    };
                }

                change = this.changed.Task;
            }

            await this.WaitAsync(change, wakeAt, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(result);
        lock (this.gate)
        {
            // The outcome is delivered even when the lock was lost, as a real queue would: the engine drops duplicates.
            this.Enqueue(result, this.timeProvider.GetUtcNow());
            if (workItem.BackendData is ActivityEntry entry && entry.LockToken == workItem.LockToken)
            {
                this.activities.Remove(entry);
            }
        }

        this.Pulse();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        lock (this.gate)
        {
            if (workItem.BackendData is ActivityEntry entry && entry.LockToken == workItem.LockToken)
            {
                entry.LockToken = null;
            }
        }

        this.Pulse();
        return Task.CompletedTask;
    }
}
