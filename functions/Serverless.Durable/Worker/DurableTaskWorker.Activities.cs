using Serverless.Durable.Backend;
using Serverless.Durable.Core;
using Serverless.Durable.History;

namespace Serverless.Durable.Worker;

public sealed partial class DurableTaskWorker
{
    private async Task DispatchActivitiesAsync(CancellationToken stoppingToken, CancellationToken abortToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ActivityWorkItem? workItem;
            try
            {
                workItem = await this.backend.LockNextActivityWorkItemAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                await this.BackOffAsync("activity", ex, stoppingToken);
                continue;
            }

            if (workItem is not null)
            {
                await this.ProcessActivityAsync(workItem, abortToken);
            }
        }
    }

    private async Task ProcessActivityAsync(ActivityWorkItem workItem, CancellationToken abortToken)
    {
        TaskMessage call = workItem.Message;
        var scheduled = (TaskScheduledEvent)call.Event;
        string executionId = call.ExecutionId ?? string.Empty;
        var context = new ActivityContext(scheduled.Name, call.InstanceId, MessageIds.Activity(call.InstanceId, executionId, scheduled.EventId));
        Task<HistoryEvent> running = this.RunActivityAsync(context, scheduled, call.DequeueCount);
        try
        {
            HistoryEvent outcome = await running.WaitAsync(abortToken);
            var result = new TaskMessage(MessageIds.ActivityResult(context.ActivityId), call.InstanceId, call.ExecutionId, outcome);
            await this.backend.CompleteActivityWorkItemAsync(workItem, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (abortToken.IsCancellationRequested)
        {
            Log.ActivityAbandonedAtStop(this.logger, context.Name, context.ActivityId);
            await this.TryAbandonAsync(workItem);
        }
        catch (Exception ex)
        {
            await this.BackOffAsync("activity", ex, CancellationToken.None);
            await this.TryAbandonAsync(workItem);
        }
    }

    /// <summary>Runs the activity and turns its result or exception into the outcome event; never throws.</summary>
    private async Task<HistoryEvent> RunActivityAsync(ActivityContext context, TaskScheduledEvent scheduled, int dequeueCount)
    {
        DateTimeOffset now = this.timeProvider.GetUtcNow();
        if (dequeueCount > this.options.MaxDequeueCount)
        {
            Log.PoisonMessage(this.logger, context.ActivityId, nameof(TaskScheduledEvent), context.InstanceId, dequeueCount);
            return new TaskFailedEvent(now, scheduled.EventId, new TaskFailureDetails(
                "Serverless.Durable.PoisonMessage",
                $"Activity call {context.ActivityId} was dequeued {dequeueCount} times without finishing; it was not run again.",
                null,
                null));
        }

        if (!this.registry.TryGetActivity(scheduled.Name, out ActivityFunc? activity))
        {
            Log.ActivityNotFound(this.logger, scheduled.Name, context.ActivityId);
            return new TaskFailedEvent(now, scheduled.EventId, new TaskFailureDetails(
                "Serverless.Durable.ActivityNotFound", $"No activity named '{scheduled.Name}' is registered.", null, null));
        }

        try
        {
            object? output = await activity(context, this.converter, scheduled.Input);
            return new TaskCompletedEvent(this.timeProvider.GetUtcNow(), scheduled.EventId, this.converter.Serialize(output));
        }
        catch (Exception ex)
        {
            Log.ActivityFailed(this.logger, context.Name, context.ActivityId, ex);
            return new TaskFailedEvent(this.timeProvider.GetUtcNow(), scheduled.EventId, TaskFailureDetails.FromException(ex));
        }
    }

    private async Task TryAbandonAsync(ActivityWorkItem workItem)
    {
        try
        {
            await this.backend.AbandonActivityWorkItemAsync(workItem, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lock expires on its own; the call comes back then.
            Log.DispatcherError(this.logger, "activity", ex);
        }
    }

    private sealed class ActivityContext(string name, string instanceId, string activityId) : TaskActivityContext
    {
        public override string Name => name;

        public override string InstanceId => instanceId;

        public override string ActivityId => activityId;
    }
}
