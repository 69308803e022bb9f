using Microsoft.Extensions.Logging;

namespace Serverless.Durable;

/// <summary>Every log line of the durable engine, with stable event ids (operators alert on them; never reuse an id).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Durable task worker started: {Orchestrations} orchestration and {Activities} activity dispatchers")]
    public static partial void WorkerStarted(ILogger logger, int orchestrations, int activities);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Durable task worker stopping; running activities get {GracePeriod} to finish")]
    public static partial void WorkerStopping(ILogger logger, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Durable task worker stopped")]
    public static partial void WorkerStopped(ILogger logger);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Dropped {EventType} message {MessageId} for instance {InstanceId}: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string eventType, string messageId, string instanceId, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Dropped duplicate {EventType} message {MessageId} for instance {InstanceId}")]
    public static partial void DuplicateDropped(ILogger logger, string eventType, string messageId, string instanceId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Dropped {EventType} message {MessageId} for instance {InstanceId}: it belongs to execution {ExecutionId}, not the current one")]
    public static partial void StaleDropped(ILogger logger, string eventType, string messageId, string instanceId, string? executionId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Message {MessageId} ({EventType}) for instance {InstanceId} was dequeued {DequeueCount} times; moved to the poison store")]
    public static partial void PoisonMessage(ILogger logger, string messageId, string eventType, string instanceId, int dequeueCount);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Did not start execution {ExecutionId} of instance {InstanceId}: another execution is running")]
    public static partial void StartConflict(ILogger logger, string instanceId, string executionId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Orchestration {Name} instance {InstanceId} finished as {Status}")]
    public static partial void OrchestrationFinished(ILogger logger, string name, string instanceId, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Orchestration {Name} instance {InstanceId} failed")]
    public static partial void OrchestrationFailed(ILogger logger, string name, string instanceId, Exception exception);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "No orchestrator named {Name} is registered; instance {InstanceId} fails")]
    public static partial void OrchestratorNotFound(ILogger logger, string name, string instanceId);

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "Step of instance {InstanceId} failed; its messages will be redelivered")]
    public static partial void StepFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Lost the lock on instance {InstanceId} before committing; the step is discarded")]
    public static partial void LockLost(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 32, Level = LogLevel.Error, Message = "The {Dispatcher} dispatcher could not reach the backend")]
    public static partial void DispatcherError(ILogger logger, string dispatcher, Exception exception);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Activity {Name} ({ActivityId}) failed")]
    public static partial void ActivityFailed(ILogger logger, string name, string activityId, Exception exception);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "No activity named {Name} is registered ({ActivityId})")]
    public static partial void ActivityNotFound(ILogger logger, string name, string activityId);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "Activity {Name} ({ActivityId}) did not finish within the stop grace period; it will be redelivered")]
    public static partial void ActivityAbandonedAtStop(ILogger logger, string name, string activityId);

    [LoggerMessage(EventId = 50, Level = LogLevel.Debug, Message = "Timer {TimerId} of instance {InstanceId} is due at {FireAt}; re-sent to become visible at {VisibleAt}")]
    public static partial void TimerResent(ILogger logger, int timerId, string instanceId, DateTimeOffset fireAt, DateTimeOffset visibleAt);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Instance {InstanceId} already exists and is not finished; not scheduled again")]
    public static partial void InstanceAlreadyExists(ILogger logger, string instanceId);
}
