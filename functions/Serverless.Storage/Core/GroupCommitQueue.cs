namespace Serverless.Storage;

/// <summary>
/// Group commit per partition: while a batch of one partition's writes is under way, the writes that arrive for it
/// wait, then go together as the next batch. A batch takes at most one write per key, so writes of one key keep
/// their order.
/// </summary>
/// <typeparam name="T">A write; the batch writer completes each one (callers wait on the write itself).</typeparam>
/// <remarks>
/// Each batch goes as the storage traffic class of the writes it carries: background
/// (<see cref="BackgroundStorageTraffic"/>) only when every one of them was queued by background work, else
/// interactive, as someone waits on it. A partition's drain does not run in the async flow of the caller that
/// started it, so that caller's class does not cover the batches of others queued behind it.
/// </remarks>
public sealed class GroupCommitQueue<T>
{
    private readonly int maxBatch;
    private readonly Func<T, string> keyOf;
    private readonly Func<string, IReadOnlyList<T>, Task> writeBatch;
    private readonly Dictionary<string, List<(T Write, bool Background)>> waiting = new(StringComparer.Ordinal);

    /// <summary>Creates a queue.</summary>
    /// <param name="maxBatch">The most writes in one batch.</param>
    /// <param name="keyOf">The key of a write (a row, a case): one write per key per batch.</param>
    /// <param name="writeBatch">
    /// Writes one partition's batch and completes every write in it; it must not throw (a failure is the writes'
    /// outcome, not the queue's).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is less than 1.</exception>
    public GroupCommitQueue(int maxBatch, Func<T, string> keyOf, Func<string, IReadOnlyList<T>, Task> writeBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        this.maxBatch = maxBatch;
        this.keyOf = keyOf ?? throw new ArgumentNullException(nameof(keyOf));
        this.writeBatch = writeBatch ?? throw new ArgumentNullException(nameof(writeBatch));
    }

    /// <summary>Queues the write for its partition, starting the partition's drain when none is under way.</summary>
    public void Enqueue(string partition, T write)
    {
        bool start;
        lock (this.waiting)
        {
            start = !this.waiting.TryGetValue(partition, out var queue);
            if (start)
            {
                queue = [];
                this.waiting.Add(partition, queue);
            }

            queue!.Add((write, BackgroundStorageTraffic.IsActive));
        }

        if (start)
        {
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => this.DrainAsync(partition), CancellationToken.None);
            }
        }
    }

    private async Task DrainAsync(string partition)
    {
        while (true)
        {
            var batch = new List<T>();
            bool background = true;
            lock (this.waiting)
            {
                List<(T Write, bool Background)> queue = this.waiting[partition];
                var keys = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < queue.Count && batch.Count < this.maxBatch;)
                {
                    if (keys.Add(this.keyOf(queue[i].Write)))
                    {
                        batch.Add(queue[i].Write);
                        background &= queue[i].Background;
                        queue.RemoveAt(i);
                    }
                    else
                    {
                        i++;
                    }
                }

                if (batch.Count == 0)
                {
                    this.waiting.Remove(partition);
                    return;
                }
            }

            using (background ? BackgroundStorageTraffic.Begin() : null)
            {
                await this.writeBatch(partition, batch);
            }
        }
    }
}
