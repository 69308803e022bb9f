using System.Threading.Channels;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Durable.Backend;
using Serverless.Storage.Queues;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// The <see cref="IOrchestrationBackend"/> contract on Azure Storage: instance, history and index tables, partitioned
/// control queues, a work-item queue, a poison queue, and blobs for partition leases and large payloads. Any number of
/// processes may serve one task hub. The layout is described in <c>functions/Serverless.Durable/README.md</c>.
/// </summary>
/// <remarks>
/// <para><b>Serialisation.</b> Each instance maps to one control partition; only the holder of the partition's blob lease
/// receives from its queue, and this process runs at most one step per instance at a time. Every commit is also
/// conditional on the instance row's ETag, so a worker that lost its lease (or whose cache is stale) fails its commit
/// with <see cref="WorkItemLockLostException"/> and changes nothing.</para>
/// <para><b>Clocks.</b> Due times, timestamps and the never-early check use the injected <see cref="TimeProvider"/>; waits
/// that pace requests to the service (polling, lease renewal) are wall-clock, as the service's visibility and leases are.</para>
/// <para><b>Roles.</b> A process that only uses a client (create, raise, query) never takes leases: the worker role starts
/// with the first <c>LockNext…</c> call, and stops (releasing its leases) on <see cref="StopAsync"/> or disposal.</para>
/// </remarks>
public sealed partial class AzureStorageOrchestrationBackend : IOrchestrationBackend, IAsyncDisposable, IDisposable
{
    /// <summary>The longest delay a message is sent with: the queue's 7-day visibility limit less a margin for clock skew.</summary>
    public static readonly TimeSpan MaxQueueDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(10);

    private readonly AzureStorageOrchestrationOptions options;
    private readonly TaskHubLayout layout;
    private readonly TaskHubStorage storage;
    private readonly InstanceStore store;
    private readonly MessageCodec codec;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly ControlPartition[] partitions;
    private readonly DelayedWakeUps? wakeUps;
    private readonly PendingTimers pendingTimers = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim startGate = new(1, 1);

    // The dispatch state: guarded by this lock, every operation under it is short and does no I/O.
    private readonly object gate = new();
    private readonly Dictionary<string, InstanceSession> sessions = new(StringComparer.Ordinal);
    private readonly Channel<InstanceSession> ready = Channel.CreateUnbounded<InstanceSession>();
    private int pendingMessages;

    private Task? layoutCreated;
    private bool workerStarted;
    private Task? leaseLoop;
    private Task? activityLoop;
    private int busy;
    private int disposed;
    private long version;
    private TaskCompletionSource stateChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<OrchestrationState>> stateWaiters = new(StringComparer.Ordinal);

    /// <summary>Creates a backend for one task hub; nothing is contacted until first used.</summary>
    /// <param name="connectionString">A storage connection string (<c>UseDevelopmentStorage=true</c> for the local Azurite).</param>
    /// <param name="hubName">The task hub: 3 to 45 letters and digits, starting with a letter. It prefixes every table, queue and container.</param>
    /// <param name="options">Partitions, lock timeouts, polling and payload thresholds; defaults when null.</param>
    /// <param name="timeProvider">The engine's clock (due times and timestamps); the system clock when null.</param>
    /// <param name="loggerFactory">The logger factory; none when null.</param>
    /// <exception cref="ArgumentException">The hub name or the options are invalid.</exception>
    public AzureStorageOrchestrationBackend(
        string connectionString,
        string hubName,
        AzureStorageOrchestrationOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(hubName);
        this.options = options ?? new AzureStorageOrchestrationOptions();
        IReadOnlyList<string> problems = this.options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        this.layout = new TaskHubLayout(hubName, this.options.PartitionCount);
        this.storage = new TaskHubStorage(connectionString, this.layout, this.options.ConfigureClients);
        var payloads = new PayloadStore(this.storage.Payloads);
        this.store = new InstanceStore(this.storage, payloads, this.options);
        this.codec = new MessageCodec(payloads, this.options.MaxInlineMessageChars);
        this.clock = timeProvider ?? TimeProvider.System;
        this.logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AzureStorageOrchestrationBackend>();
        this.WorkerId = this.options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        this.partitions = [.. Enumerable.Range(0, this.layout.PartitionCount).Select(p => new ControlPartition(
            p, this.storage.ControlQueues[p], this.storage.Leases.GetBlobClient(TaskHubLayout.LeaseBlob(p)), Guid.NewGuid().ToString()))];
        this.activityWake = new PollSignal();
        if (this.options.FollowLocalClockForDelays)
        {
            this.wakeUps = new DelayedWakeUps(this.clock, this.OnWoken);
        }
    }

    /// <summary>The task hub's name.</summary>
    public string HubName => this.layout.HubName;

    /// <summary>This worker's id in the worker registry and in logs.</summary>
    public string WorkerId { get; }

    /// <inheritdoc/>
    public TimeSpan? MaxMessageDelay => MaxQueueDelay;

    /// <summary>The control partitions this process owns now.</summary>
    public IReadOnlyList<int> OwnedPartitions => [.. this.partitions.Where(p => p.Owned).Select(p => p.Index)];

    /// <summary>Creates the hub's tables, queues, containers and lease blobs unless they exist. Called on first use; calling it again is harmless.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Completes when the layout exists.</returns>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => this.EnsureLayoutAsync(cancellationToken);

    /// <summary>Deletes every table, queue and container of the task hub (everything it stored).</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Completes when deleted.</returns>
    /// <remarks>For tests and tools; stop every worker of the hub first.</remarks>
    public async Task DeleteTaskHubAsync(CancellationToken cancellationToken = default)
    {
        await this.storage.DeleteAsync(cancellationToken);
        lock (this.gate)
        {
            this.layoutCreated = null;
        }
    }

    /// <summary>Stops the worker role: stops receiving, releases the partition leases and hands held messages back.</summary>
    /// <param name="cancellationToken">Cancels waiting for running steps.</param>
    /// <returns>Completes when stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (this.stopping.IsCancellationRequested)
        {
            return;
        }

        await this.stopping.CancelAsync();
        this.ready.Writer.TryComplete();
        this.activityWake.Set();
        this.activityDemand.Set();
        foreach (ControlPartition partition in this.partitions)
        {
            partition.Wake.Set();
        }

        await Task.WhenAll(new[] { this.leaseLoop, this.activityLoop, this.renewalLoop }.OfType<Task>()).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await this.AwaitAllPendingWritesAsync(cancellationToken);
        await Task.WhenAll(this.partitions.Where(p => p.Owned).Select(p => this.ReleasePartitionAsync(p, lost: false, cancellationToken)));
        await this.ReleaseBufferedActivitiesAsync();
        await this.UnregisterWorkerAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) == 1)
        {
            return;
        }

        await this.StopAsync(CancellationToken.None);
        this.wakeUps?.Dispose();
        foreach (ControlPartition partition in this.partitions)
        {
            partition.Dispose();
        }

        this.activityWake.Dispose();
        this.activityDemand.Dispose();
        this.activityAvailable.Dispose();
        this.stopping.Dispose();
        this.startGate.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => this.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task EnsureLayoutAsync(CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            if (this.layoutCreated is null || this.layoutCreated.IsFaulted || this.layoutCreated.IsCanceled)
            {
                this.layoutCreated = this.storage.CreateIfNotExistsAsync(CancellationToken.None);
            }

            return this.layoutCreated.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Starts the worker role once: lease management (which starts the control queue pollers) and the activity receiver.</summary>
    private async Task EnsureWorkerStartedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref this.workerStarted))
        {
            return;
        }

        await this.startGate.WaitAsync(cancellationToken);
        try
        {
            if (this.workerStarted)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(this.stopping.IsCancellationRequested, this);
            await this.EnsureLayoutAsync(cancellationToken);
            await this.ManageLeasesOnceAsync(this.stopping.Token);
            this.leaseLoop = Task.Run(() => this.ManageLeasesAsync(this.stopping.Token), CancellationToken.None);
            // Two receivers while calls are backed up, so one receive's round trip does not cap the rate at 32 calls per round trip.
            // Calls handed over in process need none: the work-item queue then stays empty.
            this.activityLoop = this.options.RunActivitiesInPartitionOwner
                ? null
                : Task.WhenAll(Enumerable.Range(0, ActivityReceivers).Select(i => Task.Run(() => this.ReceiveActivitiesAsync(i, this.stopping.Token), CancellationToken.None)));
            this.renewalLoop = Task.Run(() => this.RenewActivitiesAsync(this.stopping.Token), CancellationToken.None);
            Volatile.Write(ref this.workerStarted, true);
            Log.AzureBackendStarted(this.logger, this.HubName, this.WorkerId, this.layout.PartitionCount);
        }
        finally
        {
            this.startGate.Release();
        }
    }

    /// <summary>Something this process can observe changed: wakes state waiters and counts for idle detection.</summary>
    private void Changed()
    {
        Interlocked.Increment(ref this.version);
        Interlocked.Exchange(ref this.stateChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>This process wrote an instance's state: in-process waiters see it without reading the row.</summary>
    private void StateWritten(OrchestrationState state)
    {
        if (this.stateWaiters.TryRemove(state.InstanceId, out TaskCompletionSource<OrchestrationState>? waiters))
        {
            waiters.TrySetResult(state);
        }

        // Only once the finished state is written: until then a crash would replay the instance, which may need them.
        if (state.Status.IsTerminal() && this.pendingTimers.Take(state.InstanceId) is { Count: > 0 } timers)
        {
            // Off the step's path, in its flow (so as background traffic).
            _ = Task.Run(() => this.DeleteTimersAsync(state.InstanceId, timers));
        }
    }

    /// <summary>Deletes a finished instance's timer messages; one that cannot be deleted arrives when due and is dropped.</summary>
    private async Task DeleteTimersAsync(string instanceId, IReadOnlyList<QueueReceipt> timers)
    {
        try
        {
            await Parallel.ForEachAsync(timers, async (timer, _) => await DeleteQuietlyAsync(timer));
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            Log.TimerCleanUpFailed(this.logger, instanceId, ex);
        }
    }

    /// <summary>A delayed message became visible through the local clock: wake whoever polls its queue.</summary>
    private void OnWoken(QueueClient queue)
    {
        Interlocked.Increment(ref this.version);
        if (queue == this.storage.WorkItems)
        {
            this.activityWake.Set();
            return;
        }

        foreach (ControlPartition partition in this.partitions)
        {
            if (partition.Queue == queue)
            {
                partition.Wake.Set();
            }
        }
    }

    /// <summary>The real delay to send or hide a message with so it is not visible before <paramref name="visibleAt"/> on the engine's clock.</summary>
    private TimeSpan? DelayUntil(DateTimeOffset? visibleAt)
    {
        if (visibleAt is not { } at)
        {
            return null;
        }

        TimeSpan delay = at - this.clock.GetUtcNow();
        return delay <= TimeSpan.Zero ? null : delay > QueueTimeouts7Days ? QueueTimeouts7Days : delay;
    }

    private static readonly TimeSpan QueueTimeouts7Days = TimeSpan.FromDays(7);
}
