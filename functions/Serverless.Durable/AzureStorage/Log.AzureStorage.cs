using Microsoft.Extensions.Logging;

// The Azure Storage backend's part of the engine's one Log class: event ids 200-299.
namespace Serverless.Durable;

internal static partial class Log
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Azure Storage backend for task hub {HubName} started as worker {WorkerId} with {Partitions} partitions")]
    public static partial void AzureBackendStarted(ILogger logger, string hubName, string workerId, int partitions);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Worker {WorkerId} acquired partition {Partition} of task hub {HubName}")]
    public static partial void PartitionAcquired(ILogger logger, string workerId, int partition, string hubName);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Worker {WorkerId} released partition {Partition} of task hub {HubName}")]
    public static partial void PartitionReleased(ILogger logger, string workerId, int partition, string hubName);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Worker {WorkerId} lost partition {Partition} of task hub {HubName}")]
    public static partial void PartitionLost(ILogger logger, string workerId, int partition, string hubName, Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Lease management of task hub {HubName} failed; retrying")]
    public static partial void LeaseCycleFailed(ILogger logger, string hubName, Exception exception);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed; retrying")]
    public static partial void ReceiveFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error, Message = "Deleted unreadable message {MessageId} from queue {Queue}")]
    public static partial void UnreadableMessage(ILogger logger, string messageId, string queue, Exception exception);

    [LoggerMessage(EventId = 212, Level = LogLevel.Debug, Message = "Message {MessageId} for instance {InstanceId} arrived before it is due ({VisibleAt}); hidden again")]
    public static partial void MessageDeferred(ILogger logger, string messageId, string instanceId, DateTimeOffset visibleAt);

    [LoggerMessage(EventId = 213, Level = LogLevel.Warning, Message = "Re-sending the outbox of instance {InstanceId}: a message its last commit consumed came back")]
    public static partial void OutboxResent(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "Activity call {MessageId} moved to the poison queue after {DequeueCount} deliveries")]
    public static partial void ActivityPoisoned(ILogger logger, string messageId, int dequeueCount);

    [LoggerMessage(EventId = 215, Level = LogLevel.Warning, Message = "Running again {Calls} unanswered activity calls of instance {InstanceId} after a partition takeover (recovery {Recoveries})")]
    public static partial void InFlightCallsRecovered(ILogger logger, string instanceId, int calls, int recoveries);

    [LoggerMessage(EventId = 216, Level = LogLevel.Warning, Message = "Recovering the activity calls in flight in partition {Partition} of task hub {HubName} failed; retrying")]
    public static partial void InFlightRecoveryFailed(ILogger logger, int partition, string hubName, Exception exception);

    [LoggerMessage(EventId = 220, Level = LogLevel.Warning, Message = "Clean-up after a commit of instance {InstanceId} failed; leftovers are removed by purge")]
    public static partial void CleanupFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 221, Level = LogLevel.Warning, Message = "Releasing message {MessageId} of instance {InstanceId} failed; it comes back when its lock expires")]
    public static partial void ReleaseFailed(ILogger logger, string messageId, string instanceId, Exception exception);

    [LoggerMessage(EventId = 222, Level = LogLevel.Warning, Message = "The hold on activity call {MessageId} of instance {InstanceId} ran out before it was renewed; the call may run again")]
    public static partial void ActivityLockLost(ILogger logger, string messageId, string instanceId, Exception exception);

    [LoggerMessage(EventId = 223, Level = LogLevel.Warning, Message = "A write-behind write of instance {InstanceId} failed; {Steps} steps not yet written were dropped and the instance is recovered from its row")]
    public static partial void MergedWriteFailed(ILogger logger, string instanceId, int steps, Exception exception);

    [LoggerMessage(EventId = 224, Level = LogLevel.Debug, Message = "Deleting the timer messages of finished instance {InstanceId} failed; they arrive when due and are dropped")]
    public static partial void TimerCleanUpFailed(ILogger logger, string instanceId, Exception exception);
}
