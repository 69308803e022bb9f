using Serverless.Durable.History;

namespace Serverless.Durable.Backend;

/// <summary>An orchestration instance locked for one worker: its state, its history and all its pending messages.</summary>
/// <remarks>
/// While the lock is held no other worker receives a work item for the same instance. The lock can be lost
/// (it expires after the backend's lock timeout); a commit after that fails with <see cref="WorkItemLockLostException"/>
/// when another worker has locked or changed the instance since.
/// </remarks>
public sealed class OrchestrationWorkItem
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The stored state; <see langword="null"/> when the instance has no record (unknown, purged, or not created yet).</summary>
    public OrchestrationState? State { get; init; }

    /// <summary>The history of the current execution, in order. Empty for a new instance.</summary>
    public required IReadOnlyList<HistoryEvent> History { get; init; }

    /// <summary>Every message for the instance that was visible when it was locked, in the order they were sent.</summary>
    public required IReadOnlyList<TaskMessage> Messages { get; init; }

    /// <summary>The instance's version when locked (an ETag); commits are conditional on it. <see langword="null"/> when there is no record.</summary>
    public string? ETag { get; init; }

    /// <summary>Identifies this lock; a later lock of the same instance has another.</summary>
    public required string LockToken { get; init; }

    /// <summary>When the lock expires.</summary>
    public DateTimeOffset LockedUntil { get; init; }

    /// <summary>Backend-private data for completing the work item (e.g. queue message receipts).</summary>
    public object? BackendData { get; init; }
}
