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

    private readonly Dictionary<string, List<QueueReceipt>> byInstance = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int count;

    /// <summary>How many receipts are held.</summary>
    public int Count
    {
        get
        {
            lock (this.gate)
            {
                return this.count;
            }
        }
    }

    /// <summary>Remembers a timer message sent to <paramref name="instanceId"/>.</summary>
    public void Track(string instanceId, QueueReceipt receipt)
    {
        lock (this.gate)
        {
            if (this.count >= Capacity)
            {
                return;
            }

            if (!this.byInstance.TryGetValue(instanceId, out List<QueueReceipt>? receipts))
            {
                this.byInstance[instanceId] = receipts = [];
            }

            receipts.Add(receipt);
            this.count++;
        }
    }

    /// <summary>Forgets a message that was received (a timer that came due, or came early): it is no longer waiting.</summary>
    /// <remarks>Why: an instance that never finishes (one that runs on with periodic timers) would otherwise hold its receipts until <see cref="Capacity"/>.</remarks>
    public void Forget(string instanceId, string messageId)
    {
        lock (this.gate)
        {
            if (this.byInstance.TryGetValue(instanceId, out List<QueueReceipt>? receipts))
            {
                this.count -= receipts.RemoveAll(r => r.MessageId == messageId);
                if (receipts.Count == 0)
                {
                    this.byInstance.Remove(instanceId);
                }
            }
        }
    }

    /// <summary>Forgets and answers the timer messages sent to <paramref name="instanceId"/> so far.</summary>
    public IReadOnlyList<QueueReceipt> Take(string instanceId)
    {
        lock (this.gate)
        {
            if (!this.byInstance.Remove(instanceId, out List<QueueReceipt>? receipts))
            {
                return [];
            }

            this.count -= receipts.Count;
            return receipts;
        }
    }
}
