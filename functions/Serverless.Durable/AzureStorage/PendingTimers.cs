using System.Collections.Concurrent;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// The timer messages this process sent to instances and that have not come due, by instance, so those of an instance
/// that finished can be deleted rather than left to be delivered and dropped weeks later.
/// </summary>
/// <remarks>
/// Why: a case's deadlines are timers of days or weeks that mostly lose their race, and each one waits in a control
/// queue until it is due. Every receive and delete the emulator serves grows with the messages it holds (a benchmark run
/// left ~7 per finished case), and on Azure each costs a receive and a delete when it finally arrives. Tracking is best
/// effort: a message whose receipt changed (received since) or that another process sent is left to arrive and be dropped,
/// as before, and past <see cref="Capacity"/> receipts new ones are not tracked.
/// </remarks>
internal sealed class PendingTimers
{
    /// <summary>The most receipts held (about 200 bytes each).</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, List<QueueReceipt>> byInstance = new(StringComparer.Ordinal);
    private int count;

    /// <summary>Remembers a timer message sent to <paramref name="instanceId"/>.</summary>
    public void Track(string instanceId, QueueReceipt receipt)
    {
        if (Interlocked.Increment(ref this.count) > Capacity)
        {
            Interlocked.Decrement(ref this.count);
            return;
        }

        List<QueueReceipt> receipts = this.byInstance.GetOrAdd(instanceId, _ => []);
        lock (receipts)
        {
            receipts.Add(receipt);
        }
    }

    /// <summary>Forgets and answers the timer messages sent to <paramref name="instanceId"/> so far.</summary>
    public IReadOnlyList<QueueReceipt> Take(string instanceId)
    {
        if (!this.byInstance.TryRemove(instanceId, out List<QueueReceipt>? receipts))
        {
            return [];
        }

        lock (receipts)
        {
            Interlocked.Add(ref this.count, -receipts.Count);
            return [.. receipts];
        }
    }
}
