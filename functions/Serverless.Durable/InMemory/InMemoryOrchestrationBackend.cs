using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.InMemory;

/// <summary>
/// The <see cref="IOrchestrationBackend"/> contract in process memory: thread-safe, per-instance locks with ETags,
/// messages invisible until due on the injected <see cref="TimeProvider"/>. For tests and single-process tools.
/// </summary>
/// <remarks>One lock guards all state; every operation is short. Waiters wake on changes and on timers of the clock.</remarks>
public sealed partial class InMemoryOrchestrationBackend : IOrchestrationBackend
{
    private readonly object gate = new();
    private readonly TimeProvider timeProvider;
    private readonly InMemoryBackendOptions options;
    private readonly Dictionary<string, Instance> instances = new(StringComparer.Ordinal);
    private readonly SortedSet<string> stateIndex = new(StringComparer.Ordinal);
    // Instances with messages, least recently locked first: locking takes the first ready one, so none starves.
    private readonly LinkedList<Instance> withMessages = new();
    private readonly LinkedList<ActivityEntry> activities = new();
    private readonly List<TaskMessage> poison = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sequence;

    /// <summary>Creates an empty backend.</summary>
    /// <param name="timeProvider">The clock for visibility and lock expiry (a <see cref="ManualTimeProvider"/> in tests).</param>
    /// <param name="options">Lock timeout and delay limit.</param>
    public InMemoryOrchestrationBackend(TimeProvider timeProvider, InMemoryBackendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        this.options = options ?? new InMemoryBackendOptions();
    }

    /// <inheritdoc/>
    public TimeSpan? MaxMessageDelay => this.options.MaxMessageDelay;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;

    /// <summary>Wakes every waiter: something changed.</summary>
    private void Pulse() =>
        Interlocked.Exchange(ref this.changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for a change, or until <paramref name="wakeAt"/> on the clock (a message becomes visible or a lock expires).</summary>
    private async Task WaitAsync(Task change, DateTimeOffset? wakeAt, CancellationToken cancellationToken)
    {
        if (wakeAt is not { } at)
        {
            await change.WaitAsync(cancellationToken);
            return;
        }

        TimeSpan due = at - this.timeProvider.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            return;
        }

        using ITimer timer = this.timeProvider.CreateTimer(static self => ((InMemoryOrchestrationBackend)self!).Pulse(), this, due, Timeout.InfiniteTimeSpan);
        await change.WaitAsync(cancellationToken);
    }

    private Instance GetOrAdd(string instanceId)
    {
        if (!this.instances.TryGetValue(instanceId, out Instance? instance))
        {
            instance = new Instance(instanceId);
            this.instances.Add(instanceId, instance);
        }

        return instance;
    }

    /// <summary>Queues a message for an instance; never visible before its due time.</summary>
    private void Enqueue(TaskMessage message, DateTimeOffset now)
    {
        DateTimeOffset visibleAt = message.VisibleAt is { } at && at > now ? at : now;
        Instance instance = this.GetOrAdd(message.InstanceId);
        instance.Messages.Add(new StoredMessage(message with { DequeueCount = 0 }, this.sequence++, visibleAt));
        this.MarkPending(instance);
    }

    private void CheckDelay(TaskMessage message, DateTimeOffset now)
    {
        // Emulates the queue limit so the engine's re-sending of long timers is exercised in tests.
        if (this.options.MaxMessageDelay is { } max && message.VisibleAt is { } at && at - now > max + TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(message), $"Message {message.MessageId} is delayed past the {max} limit.");
        }
    }

    private void RemoveIfEmpty(Instance instance)
    {
        if (instance.State is null && instance.History.Count == 0 && instance.Messages.Count == 0 && instance.LockToken is null)
        {
            this.instances.Remove(instance.Id);
            this.UnmarkPending(instance);
        }
    }

    private void MarkPending(Instance instance) => instance.PendingNode ??= this.withMessages.AddLast(instance);

    private void UnmarkPending(Instance instance)
    {
        if (instance.PendingNode is { } node)
        {
            this.withMessages.Remove(node);
            instance.PendingNode = null;
        }
    }

    private sealed class Instance(string id)
    {
        public LinkedListNode<Instance>? PendingNode { get; set; }

        public string Id { get; } = id;

        public OrchestrationState? State { get; set; }

        public List<HistoryEvent> History { get; } = [];

        public List<StoredMessage> Messages { get; } = [];

        public List<StoredMessage> Locked { get; } = [];

        public long Version { get; set; }

        public string? LockToken { get; set; }

        public DateTimeOffset LockedUntil { get; set; }

        /// <summary>The last commit's outbound messages and the ids of the messages it consumed (see the commit's re-send).</summary>
        public OrchestrationCommit? Outbox { get; set; }

        public HashSet<string> OutboxFor { get; set; } = new(StringComparer.Ordinal);
    }

    private sealed class StoredMessage(TaskMessage message, long sequence, DateTimeOffset visibleAt)
    {
        public TaskMessage Message { get; } = message;

        public long Sequence { get; } = sequence;

        public DateTimeOffset VisibleAt { get; set; } = visibleAt;

        public int DequeueCount { get; set; }
    }

    private sealed class ActivityEntry(TaskMessage message, DateTimeOffset visibleAt)
    {
        public TaskMessage Message { get; } = message;

        public DateTimeOffset VisibleAt { get; set; } = visibleAt;

        public int DequeueCount { get; set; }

        public string? LockToken { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
