using System.Text.Json.Serialization;

namespace Serverless.Durable.History;

/// <summary>One event of an orchestration's history; the history of an execution is the orchestration's durable state.</summary>
/// <param name="Timestamp">When the event was produced.</param>
/// <remarks>
/// History is serialized by backends with System.Text.Json, using the <c>$type</c> discriminators below.
/// Discriminators and property names are a storage format: never rename them; add new properties as optional.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(OrchestratorStartedEvent), "orchestratorStarted")]
[JsonDerivedType(typeof(ExecutionStartedEvent), "executionStarted")]
[JsonDerivedType(typeof(ExecutionCompletedEvent), "executionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), "executionTerminated")]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), "executionSuspended")]
[JsonDerivedType(typeof(ExecutionResumedEvent), "executionResumed")]
[JsonDerivedType(typeof(TaskScheduledEvent), "taskScheduled")]
[JsonDerivedType(typeof(TaskCompletedEvent), "taskCompleted")]
[JsonDerivedType(typeof(TaskFailedEvent), "taskFailed")]
[JsonDerivedType(typeof(TimerCreatedEvent), "timerCreated")]
[JsonDerivedType(typeof(TimerFiredEvent), "timerFired")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreatedEvent), "subOrchestrationInstanceCreated")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompletedEvent), "subOrchestrationInstanceCompleted")]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailedEvent), "subOrchestrationInstanceFailed")]
[JsonDerivedType(typeof(EventRaisedEvent), "eventRaised")]
public abstract record HistoryEvent(DateTimeOffset Timestamp);

/// <summary>A scheduling event: the orchestrator asked for work identified by <see cref="EventId"/>.</summary>
/// <param name="Timestamp">When the work was scheduled.</param>
/// <param name="EventId">The orchestration's sequence number of the call, unique within an execution.</param>
public abstract record SchedulingEvent(DateTimeOffset Timestamp, int EventId) : HistoryEvent(Timestamp);

/// <summary>A completion event: the outcome of the work scheduled as <see cref="TaskScheduledId"/>.</summary>
/// <param name="Timestamp">When the outcome was produced.</param>
/// <param name="TaskScheduledId">The <see cref="SchedulingEvent.EventId"/> of the work.</param>
/// <remarks>At most one completion per id is appended to history; the engine drops duplicates.</remarks>
public abstract record CompletionEvent(DateTimeOffset Timestamp, int TaskScheduledId) : HistoryEvent(Timestamp);
