using Azure;
using Serverless.Storage.Queues;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// Makes delayed messages visible when the local clock says they are due (see
/// <see cref="AzureStorageOrchestrationOptions.FollowLocalClockForDelays"/>): one clock timer per delayed message this process sent or hid.
/// </summary>
internal sealed class DelayedWakeUps(TimeProvider clock, Action<QueueClient> woken) : IDisposable
{
    private readonly object gate = new();
    private readonly HashSet<Entry> entries = [];
    private bool disposed;

    /// <summary>Wake-ups that are due and not yet done: the backend is not idle while any is.</summary>
    public bool AnyDue
    {
        get
        {
            DateTimeOffset now = clock.GetUtcNow();
            lock (this.gate)
            {
                return this.entries.Any(e => e.DueAt <= now);
            }
        }
    }

    /// <summary>Schedules making a message visible at <paramref name="dueAt"/> on the local clock.</summary>
    public void Register(QueueClient queue, string messageId, string popReceipt, DateTimeOffset dueAt)
    {
        var entry = new Entry(queue, messageId, popReceipt, dueAt);
        lock (this.gate)
        {
            if (this.disposed)
            {
                return;
            }

            this.entries.Add(entry);
            TimeSpan due = dueAt - clock.GetUtcNow();
            entry.Timer = clock.CreateTimer(static state => _ = ((Fire)state!).RunAsync(), new Fire(this, entry), due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (this.gate)
        {
            this.disposed = true;
            foreach (Entry entry in this.entries)
            {
                entry.Timer?.Dispose();
            }

            this.entries.Clear();
        }
    }

    private async Task WakeAsync(Entry entry)
    {
        try
        {
            await entry.Queue.UpdateMessageAsync(entry.MessageId, entry.PopReceipt, (string?)null, TimeSpan.Zero, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 404)
        {
            // Received (or deleted) since: the queue's own visibility came first.
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            // The queue's own visibility still brings it, later.
        }
        finally
        {
            lock (this.gate)
            {
                this.entries.Remove(entry);
                entry.Timer?.Dispose();
            }

            woken(entry.Queue);
        }
    }

    private sealed class Entry(QueueClient queue, string messageId, string popReceipt, DateTimeOffset dueAt)
    {
        public QueueClient Queue { get; } = queue;

        public string MessageId { get; } = messageId;

        public string PopReceipt { get; } = popReceipt;

        public DateTimeOffset DueAt { get; } = dueAt;

        public ITimer? Timer { get; set; }
    }

    private sealed class Fire(DelayedWakeUps owner, Entry entry)
    {
        public Task RunAsync() => owner.WakeAsync(entry);
    }
}
