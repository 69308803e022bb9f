using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.Core;

internal sealed partial class OrchestrationStepRunner
{
    /// <summary>Records the step's new calls in history and queues their messages.</summary>
    private void AddActions(OrchestrationStep step, List<HistoryEvent> events, IReadOnlyList<OrchestratorAction> actions)
    {
        string instanceId = step.InstanceId;
        string executionId = step.Started!.ExecutionId;
        foreach (OrchestratorAction action in actions)
        {
            switch (action)
            {
                case ScheduleTaskAction task:
                    var scheduled = new TaskScheduledEvent(step.Now, task.Id, task.Name, task.Input);
                    events.Add(scheduled);
                    step.ActivityMessages.Add(new TaskMessage(MessageIds.Activity(instanceId, executionId, task.Id), instanceId, executionId, scheduled));
                    break;
                case CreateTimerAction timer:
                    events.Add(new TimerCreatedEvent(step.Now, timer.Id, timer.FireAt));
                    step.Outbound.Add(new TaskMessage(MessageIds.Timer(instanceId, executionId, timer.Id), instanceId, executionId, new TimerFiredEvent(step.Now, timer.Id, timer.FireAt))
                    {
                        VisibleAt = this.TimerVisibleAt(timer.FireAt, step.Now),
                    });
                    break;
                case CreateSubOrchestrationAction sub:
                    events.Add(new SubOrchestrationInstanceCreatedEvent(step.Now, sub.Id, sub.Name, sub.InstanceId, sub.Input));
                    string childExecutionId = Guid.NewGuid().ToString("N");
                    var parent = new ParentInstance(instanceId, executionId, sub.Id, step.Started.Name);
                    step.Outbound.Add(new TaskMessage(
                        MessageIds.SubOrchestrationStart(instanceId, executionId, sub.Id),
                        sub.InstanceId,
                        childExecutionId,
                        new ExecutionStartedEvent(step.Now, sub.Name, childExecutionId, sub.Input, parent)));
                    break;
            }
        }
    }

    /// <summary>Ends the execution: records the outcome, and reports it to the parent of a sub-orchestration.</summary>
    private OrchestrationCommit Finish(OrchestrationStep step, List<HistoryEvent> events, OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, string? customStatus)
    {
        ExecutionStartedEvent started = step.Started!;
        events.Add(new ExecutionCompletedEvent(step.Now, status, output, failure));
        this.ReportToParent(step, started, status, output, failure);
        Log.OrchestrationFinished(this.logger, started.Name, step.InstanceId, status);
        return this.Commit(step, events, this.State(step, status, output, failure, customStatus));
    }

    private void ReportToParent(OrchestrationStep step, ExecutionStartedEvent started, OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure)
    {
        if (started.Parent is not { } parent)
        {
            return;
        }

        HistoryEvent outcome = status switch
        {
            OrchestrationRuntimeStatus.Completed => new SubOrchestrationInstanceCompletedEvent(step.Now, parent.TaskScheduledId, output),
            OrchestrationRuntimeStatus.Terminated => new SubOrchestrationInstanceFailedEvent(
                step.Now,
                parent.TaskScheduledId,
                new TaskFailureDetails("Serverless.Durable.OrchestrationTerminated", $"Sub-orchestration '{step.InstanceId}' was terminated.", null, null)),
            _ => new SubOrchestrationInstanceFailedEvent(step.Now, parent.TaskScheduledId, failure!),
        };
        step.Outbound.Add(new TaskMessage(MessageIds.ExecutionOutcome(step.InstanceId, started.ExecutionId), parent.InstanceId, parent.ExecutionId, outcome));
    }

    /// <summary>Ends the execution and starts the next one with an empty history, through a start message to itself.</summary>
    private OrchestrationCommit ContinueAsNew(OrchestrationStep step, ExecutionOutcome outcome)
    {
        ExecutionStartedEvent started = step.Started!;
        string instanceId = step.InstanceId;
        string next = Guid.NewGuid().ToString("N");
        var start = new ExecutionStartedEvent(step.Now, started.Name, next, outcome.NextInput, started.Parent)
        {
            // A redelivery of this step's messages must not reach the next execution as new.
            PreviousExecutionMessageIds = [.. step.WorkItem.Messages.Select(m => m.MessageId)],
        };
        step.Outbound.Add(new TaskMessage(MessageIds.ContinueAsNew(instanceId, next), instanceId, next, start));
        for (int i = 0; i < outcome.CarriedEvents.Count; i++)
        {
            string id = MessageIds.CarriedEvent(instanceId, next, i);
            step.Outbound.Add(new TaskMessage(id, instanceId, next, outcome.CarriedEvents[i] with { MessageId = id }));
        }

        OrchestrationState state = this.State(step, OrchestrationRuntimeStatus.Running, null, null, outcome.CustomStatus) with
        {
            ExecutionId = next,
            Input = outcome.NextInput,
        };
        return new OrchestrationCommit
        {
            ReplacesHistory = true,
            NewState = state,
            OrchestrationMessages = step.Outbound,
        };
    }

    /// <summary>Moves messages that keep failing aside and fails their instance with the reason, so nothing loops forever.</summary>
    private OrchestrationCommit Poison(OrchestrationStep step, List<TaskMessage> poison)
    {
        foreach (TaskMessage message in poison)
        {
            Log.PoisonMessage(this.logger, message.MessageId, message.Event.GetType().Name, message.InstanceId, message.DequeueCount);
        }

        OrchestrationState? state = step.WorkItem.State;
        if (state is null || state.Status.IsTerminal())
        {
            // A sub-orchestration whose start is poison never runs: its parent must hear of it, not wait forever.
            foreach (TaskMessage message in poison)
            {
                if (message.Event is ExecutionStartedEvent { Parent: not null } start && state?.ExecutionId != start.ExecutionId)
                {
                    this.ReportToParent(step, start, OrchestrationRuntimeStatus.Failed, null, PoisonFailure(message));
                }
            }

            return new OrchestrationCommit { PoisonMessages = poison, OrchestrationMessages = step.Outbound };
        }

        TaskFailureDetails failure = PoisonFailure(poison[0]);
        var events = new List<HistoryEvent> { new OrchestratorStartedEvent(step.Now), new ExecutionCompletedEvent(step.Now, OrchestrationRuntimeStatus.Failed, null, failure) };
        if (step.Started is { } started)
        {
            this.ReportToParent(step, started, OrchestrationRuntimeStatus.Failed, null, failure);
        }

        return new OrchestrationCommit
        {
            NewEvents = events,
            ReplacesHistory = step.Started is null,
            NewState = state with { Status = OrchestrationRuntimeStatus.Failed, FailureDetails = failure, LastUpdatedAt = step.Now, CompletedAt = step.Now },
            OrchestrationMessages = step.Outbound,
            PoisonMessages = poison,
        };
    }

    private static TaskFailureDetails PoisonFailure(TaskMessage message) => new(
        "Serverless.Durable.PoisonMessage",
        $"Message {message.MessageId} ({message.Event.GetType().Name}) was dequeued {message.DequeueCount} times without being processed; it was moved to the poison store.",
        null,
        null);

    private OrchestrationCommit Commit(OrchestrationStep step, List<HistoryEvent> events, OrchestrationState state) => new()
    {
        NewEvents = events,
        ReplacesHistory = step.StartsNew,
        NewState = state,
        ActivityMessages = step.ActivityMessages,
        OrchestrationMessages = step.Outbound,
    };

    private OrchestrationState State(OrchestrationStep step, OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, string? customStatus)
    {
        ExecutionStartedEvent started = step.Started!;
        OrchestrationState? previous = step.WorkItem.State;

        // A restart of a finished instance (a reused sub-orchestration id) begins a new life; continue-as-new does not.
        bool restarted = previous is null || (step.StartsNew && previous.Status.IsTerminal());
        return new OrchestrationState
        {
            InstanceId = step.InstanceId,
            Name = started.Name,
            ExecutionId = started.ExecutionId,
            Status = status,
            CreatedAt = restarted ? step.Now : previous!.CreatedAt,
            LastUpdatedAt = step.Now,
            CompletedAt = status.IsTerminal() ? step.Now : null,
            ScheduledStartAt = restarted ? started.ScheduledStartAt : previous!.ScheduledStartAt,
            Input = started.Input,
            Output = output,
            CustomStatus = customStatus,
            FailureDetails = failure,
            ParentInstanceId = started.Parent?.InstanceId,
        };
    }

    private DateTimeOffset TimerVisibleAt(DateTimeOffset fireAt, DateTimeOffset now) =>
        this.maxMessageDelay is { } max && fireAt - now > max ? now + max : fireAt;
}
