namespace Serverless.Durable.History;

/// <summary>Starts a step of the orchestration: its timestamp is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> for that step.</summary>
/// <param name="Timestamp">When the step started.</param>
public sealed record OrchestratorStartedEvent(DateTimeOffset Timestamp) : HistoryEvent(Timestamp);

/// <summary>Starts an execution of an orchestration. As a message it creates (or restarts) the instance.</summary>
/// <param name="Timestamp">When the execution was requested.</param>
/// <param name="Name">The orchestrator's name.</param>
/// <param name="ExecutionId">The execution's unique id; changes with every continue-as-new or restart.</param>
/// <param name="Input">The serialized input.</param>
/// <param name="Parent">The parent orchestration when this is a sub-orchestration.</param>
public sealed record ExecutionStartedEvent(DateTimeOffset Timestamp, string Name, string ExecutionId, string? Input, ParentInstance? Parent)
    : HistoryEvent(Timestamp)
{
    /// <summary>When the execution should start, if later than it was requested.</summary>
    public DateTimeOffset? ScheduledStartAt { get; init; }

    /// <summary>Ids of messages the previous execution consumed last, so their redelivery is not applied to this one.</summary>
    public IReadOnlyList<string>? PreviousExecutionMessageIds { get; init; }
}

/// <summary>Identifies the parent of a sub-orchestration, where its outcome is reported.</summary>
/// <param name="InstanceId">The parent's instance id.</param>
/// <param name="ExecutionId">The parent's execution id.</param>
/// <param name="TaskScheduledId">The id of the call in the parent's history.</param>
/// <param name="Name">The parent's orchestrator name.</param>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId, string Name);

/// <summary>The execution finished; nothing after it runs.</summary>
/// <param name="Timestamp">When it finished.</param>
/// <param name="Status">Completed, Failed, Terminated or ContinuedAsNew.</param>
/// <param name="Result">The serialized output.</param>
/// <param name="FailureDetails">The failure, when <paramref name="Status"/> is Failed.</param>
public sealed record ExecutionCompletedEvent(DateTimeOffset Timestamp, OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? FailureDetails)
    : HistoryEvent(Timestamp);

/// <summary>A client terminated the instance.</summary>
/// <param name="Timestamp">When the request was made.</param>
/// <param name="Output">The serialized output recorded for the terminated instance.</param>
public sealed record ExecutionTerminatedEvent(DateTimeOffset Timestamp, string? Output) : HistoryEvent(Timestamp);

/// <summary>A client suspended the instance: later messages are buffered in history until it resumes.</summary>
/// <param name="Timestamp">When the request was made.</param>
/// <param name="Reason">Why.</param>
public sealed record ExecutionSuspendedEvent(DateTimeOffset Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>A client resumed the instance: buffered messages are delivered to the orchestrator in order.</summary>
/// <param name="Timestamp">When the request was made.</param>
/// <param name="Reason">Why.</param>
public sealed record ExecutionResumedEvent(DateTimeOffset Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>An external event was raised on the instance.</summary>
/// <param name="Timestamp">When it was raised.</param>
/// <param name="Name">The event name.</param>
/// <param name="Input">The serialized payload.</param>
/// <param name="MessageId">The id of the message that carried it; a redelivered message with an applied id is dropped.</param>
public sealed record EventRaisedEvent(DateTimeOffset Timestamp, string Name, string? Input, string? MessageId) : HistoryEvent(Timestamp);
