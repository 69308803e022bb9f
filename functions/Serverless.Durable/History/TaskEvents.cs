namespace Serverless.Durable.History;

/// <summary>The orchestrator called an activity. As a message it is the activity's work item.</summary>
/// <param name="Timestamp">When the call was made.</param>
/// <param name="EventId">The call's sequence number.</param>
/// <param name="Name">The activity's name.</param>
/// <param name="Input">The serialized input.</param>
public sealed record TaskScheduledEvent(DateTimeOffset Timestamp, int EventId, string Name, string? Input) : SchedulingEvent(Timestamp, EventId);

/// <summary>An activity returned.</summary>
/// <param name="Timestamp">When it returned.</param>
/// <param name="TaskScheduledId">The call's sequence number.</param>
/// <param name="Result">The serialized result.</param>
public sealed record TaskCompletedEvent(DateTimeOffset Timestamp, int TaskScheduledId, string? Result) : CompletionEvent(Timestamp, TaskScheduledId);

/// <summary>An activity threw.</summary>
/// <param name="Timestamp">When it threw.</param>
/// <param name="TaskScheduledId">The call's sequence number.</param>
/// <param name="FailureDetails">The failure.</param>
public sealed record TaskFailedEvent(DateTimeOffset Timestamp, int TaskScheduledId, TaskFailureDetails FailureDetails) : CompletionEvent(Timestamp, TaskScheduledId);

/// <summary>The orchestrator created a durable timer.</summary>
/// <param name="Timestamp">When it was created.</param>
/// <param name="EventId">The timer's sequence number.</param>
/// <param name="FireAt">When it fires.</param>
public sealed record TimerCreatedEvent(DateTimeOffset Timestamp, int EventId, DateTimeOffset FireAt) : SchedulingEvent(Timestamp, EventId);

/// <summary>A durable timer fired. As a message it is invisible until <see cref="FireAt"/>.</summary>
/// <param name="Timestamp">When the message was produced.</param>
/// <param name="TimerId">The timer's sequence number.</param>
/// <param name="FireAt">When it fires; the engine never applies it earlier.</param>
public sealed record TimerFiredEvent(DateTimeOffset Timestamp, int TimerId, DateTimeOffset FireAt) : CompletionEvent(Timestamp, TimerId);

/// <summary>The orchestrator started a sub-orchestration.</summary>
/// <param name="Timestamp">When it was started.</param>
/// <param name="EventId">The call's sequence number.</param>
/// <param name="Name">The sub-orchestrator's name.</param>
/// <param name="InstanceId">The child's instance id.</param>
/// <param name="Input">The serialized input.</param>
public sealed record SubOrchestrationInstanceCreatedEvent(DateTimeOffset Timestamp, int EventId, string Name, string InstanceId, string? Input)
    : SchedulingEvent(Timestamp, EventId);

/// <summary>A sub-orchestration completed.</summary>
/// <param name="Timestamp">When it completed.</param>
/// <param name="TaskScheduledId">The call's sequence number in the parent.</param>
/// <param name="Result">The serialized output.</param>
public sealed record SubOrchestrationInstanceCompletedEvent(DateTimeOffset Timestamp, int TaskScheduledId, string? Result)
    : CompletionEvent(Timestamp, TaskScheduledId);

/// <summary>A sub-orchestration failed or was terminated.</summary>
/// <param name="Timestamp">When it failed.</param>
/// <param name="TaskScheduledId">The call's sequence number in the parent.</param>
/// <param name="FailureDetails">The failure.</param>
public sealed record SubOrchestrationInstanceFailedEvent(DateTimeOffset Timestamp, int TaskScheduledId, TaskFailureDetails FailureDetails)
    : CompletionEvent(Timestamp, TaskScheduledId);
