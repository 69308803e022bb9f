using Serverless.Durable.History;

namespace Serverless.Durable.Backend;

/// <summary>What one orchestration step produced: committed atomically by <see cref="IOrchestrationBackend.CompleteOrchestrationWorkItemAsync"/>.</summary>
/// <remarks>Every message of the work item is consumed by the commit: appended (in <see cref="NewEvents"/>), dropped, or moved to <see cref="PoisonMessages"/>.</remarks>
public sealed class OrchestrationCommit
{
    /// <summary>Events to append to the history of the current execution, in order.</summary>
    public IReadOnlyList<HistoryEvent> NewEvents { get; init; } = [];

    /// <summary>Whether the history is replaced by <see cref="NewEvents"/> (a new execution started) rather than appended to.</summary>
    public bool ReplacesHistory { get; init; }

    /// <summary>The instance's new state; <see langword="null"/> leaves the record as it is (or absent).</summary>
    public OrchestrationState? NewState { get; init; }

    /// <summary>Activity calls to enqueue (messages carrying <see cref="TaskScheduledEvent"/>).</summary>
    public IReadOnlyList<TaskMessage> ActivityMessages { get; init; } = [];

    /// <summary>Messages to orchestration instances (this one included): timers (with <see cref="TaskMessage.VisibleAt"/>), sub-orchestration starts, outcomes to a parent.</summary>
    /// <remarks>A message carrying <see cref="ExecutionStartedEvent"/> to an instance without a record needs no record to be created first: the engine creates it when it runs.</remarks>
    public IReadOnlyList<TaskMessage> OrchestrationMessages { get; init; } = [];

    /// <summary>Messages of the work item to move to the poison store instead of deleting them.</summary>
    public IReadOnlyList<TaskMessage> PoisonMessages { get; init; } = [];
}
