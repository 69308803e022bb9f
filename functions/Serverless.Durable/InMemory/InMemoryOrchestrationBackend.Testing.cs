using Serverless.Durable.Backend;

namespace Serverless.Durable.InMemory;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <summary>The messages moved aside as poison, in the order they were.</summary>
    public IReadOnlyList<TaskMessage> PoisonMessages
    {
        get
        {
            lock (this.gate)
            {
                return [.. this.poison];
            }
        }
    }

    /// <summary>Waits until nothing can happen without the clock moving: no visible message and no held lock.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Completes when idle.</returns>
    /// <remarks>A deterministic wait for tests: after it, only advancing the clock (timers) or a client call makes progress.</remarks>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task change;
            lock (this.gate)
            {
                if (this.IsIdle(this.timeProvider.GetUtcNow()))
                {
                    return;
                }

                change = this.changed.Task;
            }

            await change.WaitAsync(cancellationToken);
        }
    }

    private bool IsIdle(DateTimeOffset now)
    {
        foreach (Instance instance in this.withMessages)
        {
            if ((instance.LockToken is not null && instance.LockedUntil > now) || instance.Messages.Any(m => m.VisibleAt <= now))
            {
                return false;
            }
        }

        foreach (ActivityEntry entry in this.activities)
        {
            if (entry.LockToken is not null ? entry.LockedUntil > now : entry.VisibleAt <= now)
            {
                return false;
            }
        }

        return true;
    }
}
