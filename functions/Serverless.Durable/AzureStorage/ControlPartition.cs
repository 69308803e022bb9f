using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;

namespace Serverless.Durable.AzureStorage;

/// <summary>One control partition: its queue, its lease, and whether this process owns it (and so receives from it).</summary>
internal sealed class ControlPartition(int index, QueueClient queue, BlobClient leaseBlob, string leaseId) : IDisposable
{
    private int inFlight;

    public int Index { get; } = index;

    public QueueClient Queue { get; } = queue;

    public BlobLeaseClient Lease { get; } = leaseBlob.GetBlobLeaseClient(leaseId);

    /// <summary>Whether this process holds the lease. Only the owner receives from the queue; commits check it too.</summary>
    public bool Owned => this.Ownership is { IsCancellationRequested: false };

    /// <summary>Cancelled when ownership ends (lost, released or stopped): stops the poller.</summary>
    public CancellationTokenSource? Ownership { get; set; }

    public Task? Poller { get; set; }

    public PollSignal Wake { get; } = new();

#pragma warning disable SA1401 // Volatile needs a field.
    /// <summary>Until when (<see cref="Environment.TickCount64"/>) the poller stays brisk: an instance here just went to wait for a message from outside.</summary>
    public long HotUntilTicks;
#pragma warning restore SA1401

    /// <summary>Work items of this partition's instances now locked in this process.</summary>
    public int InFlight => Volatile.Read(ref this.inFlight);

    public void Enter() => Interlocked.Increment(ref this.inFlight);

    public void Exit() => Interlocked.Decrement(ref this.inFlight);

    public void Dispose()
    {
        this.Ownership?.Dispose();
        this.Wake.Dispose();
    }
}
