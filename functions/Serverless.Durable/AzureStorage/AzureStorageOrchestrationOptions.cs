using Serverless.Storage;

namespace Serverless.Durable.AzureStorage;

/// <summary>Settings of the Azure Storage backend (<see cref="AzureStorageOrchestrationBackend"/>).</summary>
/// <remarks>
/// <see cref="PartitionCount"/> is part of the task hub's layout: every process of a hub must use the same value,
/// and changing it strands the messages already in the control queues of the partitions that go away.
/// </remarks>
public sealed class AzureStorageOrchestrationOptions
{
    /// <summary>How many control queues (and partition leases) the hub has: 1 to 16. Instances map to one by a stable hash of their id.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>How long a received control message stays hidden while its instance's step runs: the orchestration lock timeout.</summary>
    public TimeSpan OrchestrationLockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a received activity call stays hidden without renewal. While this process holds the call (buffered,
    /// running, or its outcome waiting for the caller's next step) it renews it every third of this, so the call is
    /// delivered again (at least once) only when its holder died or could not reach the queue.
    /// </summary>
    public TimeSpan ActivityLockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a partition lease lasts without renewal (15 to 60 seconds); it is renewed every third of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a worker looks for free partitions and rebalances (and heartbeats in the worker registry).</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest wait between empty polls of a queue; polling backs off from here, doubling.</summary>
    public TimeSpan MinQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait between empty polls of a queue (the back-off cap).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between polls of a control queue for 2 s after one of its instances went to wait on an event or
    /// a timer, so a message another process sends it is not held up by the back-off (this process's own sends wake the
    /// poller at once).
    /// </summary>
    /// <remarks>
    /// Each hot partition costs a receive per interval. At 20 ms, four hot partitions took 200 receives a second and
    /// about 0.2 of the emulator's cores on a host whose instances all wait on events most of the time, competing with
    /// the table reads callers wait on; 100 ms costs a fifth of that and adds at most 80 ms to an event from elsewhere.
    /// A value above <see cref="MaxQueuePollingInterval"/> means no brisk polling.
    /// </remarks>
    public TimeSpan HotQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A queue message whose JSON is longer than this (in characters, ASCII) goes to a blob; the queue carries a reference.</summary>
    /// <remarks>The queue's limit is 64 KiB of XML text; the JSON is ASCII and XML-safe, so the default leaves a wide margin.</remarks>
    public int MaxInlineMessageChars { get; set; } = 45_000;

    /// <summary>A table string property longer than this (in characters) goes to a blob; the row carries a reference.</summary>
    /// <remarks>A property holds at most 64 KiB, i.e. 32,768 UTF-16 characters; an entity at most 1 MiB.</remarks>
    public int MaxInlinePropertyChars { get; set; } = 30_000;

    /// <summary>The most orchestration messages held in memory (received, waiting for their instance's next step) before receiving pauses.</summary>
    public int MaxPendingMessages { get; set; } = 10_000;

    /// <summary>
    /// The most instances this process runs at once (started, not finished, and busy: a step or an activity call under
    /// way). New top-level instances beyond it wait in memory, their start messages locked, until others finish.
    /// </summary>
    /// <remarks>
    /// Every unfinished instance holds a queue message, and the emulator's queue operations slow down with the number
    /// of messages it holds: finishing instances in flight before starting more keeps that number falling. Messages to
    /// running instances and sub-orchestration starts never wait; instances waiting on a timer or an event stop counting
    /// after a second; and no start waits longer than a quarter of <see cref="OrchestrationLockTimeout"/>.
    /// </remarks>
    public int MaxActiveInstances { get; set; } = 64;

    /// <summary>
    /// Whether activity calls run in the process that owns the caller's partition, handed over in memory, instead of
    /// going through the work-item queue (on by default).
    /// </summary>
    /// <remarks>
    /// The call is durable before it runs: the commit that schedules it is in the instance's history, and an in-flight
    /// row for the instance (index table, partition <c>a-{partition}</c>) is written before that commit. A process that
    /// takes a partition over reads those rows and runs again every call scheduled and not answered (at least once).
    /// Each call then costs no queue message (the emulator's queue operations slow down with the messages it holds),
    /// and its outcome reaches the caller's next step in memory. Activities then run where their orchestrations run,
    /// spread across workers by partition rather than call by call. Every worker of a hub must use the same setting.
    /// </remarks>
    public bool RunActivitiesInPartitionOwner { get; set; } = true;

    /// <summary>
    /// Whether consecutive steps of one instance share one instance-row write (write-behind; on by default, only with
    /// <see cref="RunActivitiesInPartitionOwner"/>).
    /// </summary>
    /// <remarks>
    /// A step that only consumed outcomes handed over in memory, sends nothing and keeps the instance's status returns
    /// before its row write lands: its calls run at once and the next step runs on its (speculative) state. At most one
    /// row write per instance is under way; the steps that run meanwhile go together in the next one. Anything another
    /// party can observe (outbound messages, status changes, deleted queue messages, state notifications) waits for
    /// the write that covers it. A lost write drops the speculative steps; the calls they consumed run again.
    /// </remarks>
    public bool MergeSteps { get; set; } = true;

    /// <summary>
    /// How long speculative steps of an instance may wait for more before their write starts (with <see cref="MergeSteps"/>).
    /// </summary>
    /// <remarks>
    /// A speculative step whose instance still has calls running is not written at once: the next step comes when a call
    /// answers, and one write can carry both. The write starts when a step that must wait joins, when the instance has no
    /// call running (nothing more is coming), when a step sets a new custom status, when <see cref="MaxMergedSteps"/> steps
    /// are queued, when the partition is released or the worker stops, or after this delay. A crash loses at most that much
    /// speculative progress, whose calls run again. Under overload, steps come slower and a longer delay still merges them,
    /// which is when fewer requests matter most (at 1 s, a bench run at load 7 made 5.7 table updates per 5-activity instance, against 3.2 at load 3). Zero writes every step at once (steps
    /// still merge while a write is under way).
    /// </remarks>
    public TimeSpan MaxMergeDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many speculative steps of an instance may queue before their write starts regardless of <see cref="MaxMergeDelay"/>.</summary>
    public int MaxMergedSteps { get; set; } = 32;

    /// <summary>The most instances whose state and history are kept in memory between steps (the instance cache).</summary>
    public int MaxCachedInstances { get; set; } = 5_000;

    /// <summary>
    /// Whether a message this process delays (timers, scheduled starts, abandoned steps) is also made visible when this
    /// process's <see cref="TimeProvider"/> reaches its due time, besides the queue's own (wall-clock) visibility.
    /// </summary>
    /// <remarks>
    /// For tests with a manual clock, where the queue's visibility would never come in test time. It costs one request
    /// per delayed message and is off by default: in production the queue's clock and the host's agree (and the backend
    /// never delivers a message before its due time on the host's clock either way).
    /// </remarks>
    public bool FollowLocalClockForDelays { get; set; }

    /// <summary>Identifies this worker in the worker registry and in logs; a machine, process and random part by default.</summary>
    public string? WorkerId { get; set; }

    /// <summary>Changes the options of the table, queue and blob clients (retries, transport, extra pipeline policies such as a request counter).</summary>
    public Action<StorageClientOptions>? ConfigureClients { get; set; }

    /// <summary>Lists what is invalid; empty when the options are usable.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (this.PartitionCount is < 1 or > 16)
        {
            problems.Add($"{nameof(this.PartitionCount)} must be between 1 and 16.");
        }

        if (this.LeaseDuration < TimeSpan.FromSeconds(15) || this.LeaseDuration > TimeSpan.FromSeconds(60))
        {
            problems.Add($"{nameof(this.LeaseDuration)} must be between 15 and 60 seconds (a blob lease's range).");
        }

        if (this.OrchestrationLockTimeout < TimeSpan.FromSeconds(1) || this.ActivityLockTimeout < TimeSpan.FromSeconds(1) ||
            this.OrchestrationLockTimeout > TimeSpan.FromDays(7) || this.ActivityLockTimeout > TimeSpan.FromDays(7))
        {
            problems.Add("Lock timeouts must be between 1 second and 7 days (a queue visibility timeout's range).");
        }

        if (this.MinQueuePollingInterval <= TimeSpan.Zero || this.MaxQueuePollingInterval < this.MinQueuePollingInterval || this.LeaseCheckInterval <= TimeSpan.Zero)
        {
            problems.Add("Polling intervals must be positive, the maximum not below the minimum.");
        }

        if (this.HotQueuePollingInterval <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(this.HotQueuePollingInterval)} must be positive.");
        }

        if (this.MaxInlineMessageChars is < 1_000 or > 60_000)
        {
            problems.Add($"{nameof(this.MaxInlineMessageChars)} must be between 1,000 and 60,000.");
        }

        if (this.MaxInlinePropertyChars is < 1_000 or > 32_000)
        {
            problems.Add($"{nameof(this.MaxInlinePropertyChars)} must be between 1,000 and 32,000.");
        }

        if (this.MaxMergeDelay < TimeSpan.Zero || this.MaxMergeDelay > TimeSpan.FromSeconds(10) || this.MaxMergedSteps < 1)
        {
            problems.Add($"{nameof(this.MaxMergeDelay)} must be between 0 and 10 seconds and {nameof(this.MaxMergedSteps)} at least 1.");
        }

        if (this.MaxActiveInstances < 1)
        {
            problems.Add($"{nameof(this.MaxActiveInstances)} must be at least 1.");
        }

        if (this.MaxPendingMessages < 32 || this.MaxCachedInstances < 1)
        {
            problems.Add($"{nameof(this.MaxPendingMessages)} must be at least 32 and {nameof(this.MaxCachedInstances)} at least 1.");
        }

        return problems;
    }
}
