using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.Core;

internal sealed partial class OrchestrationStepRunner
{
    /// <summary>Decides what a message does: accepted into history, re-sent (timers not yet due), or dropped with a reason.</summary>
    /// <remarks>This is where at-least-once delivery becomes exactly-once history: every duplicate is caught here.</remarks>
    private void Classify(OrchestrationStep step, TaskMessage message)
    {
        if (message.Event is ExecutionStartedEvent start)
        {
            this.ClassifyStart(step, message, start);
            return;
        }

        OrchestrationState? state = step.WorkItem.State;
        if (step.Started is null)
        {
            this.ClassifyBeforeStart(step, message, state);
            return;
        }

        if (!step.IsRunning)
        {
            this.Drop(message, state is null ? "the instance does not exist" : "the instance has finished");
            return;
        }

        if (message.ExecutionId is { } executionId && executionId != step.Started.ExecutionId)
        {
            Log.StaleDropped(this.logger, message.Event.GetType().Name, message.MessageId, message.InstanceId, executionId);
            return;
        }

        if (step.Terminate is not null)
        {
            this.Drop(message, "the instance is being terminated");
            return;
        }

        switch (message.Event)
        {
            case CompletionEvent completion:
                this.ClassifyCompletion(step, message, completion);
                break;
            case EventRaisedEvent raised:
                this.AcceptOnce(step, message, raised);
                break;
            case ExecutionTerminatedEvent terminate:
                step.Terminate = terminate;
                step.Accepted.Add(terminate);
                break;
            case ExecutionSuspendedEvent when step.Status == OrchestrationRuntimeStatus.Running:
                step.Status = OrchestrationRuntimeStatus.Suspended;
                step.Accepted.Add(message.Event);
                break;
            case ExecutionResumedEvent when step.Status == OrchestrationRuntimeStatus.Suspended:
                step.Status = OrchestrationRuntimeStatus.Running;
                step.Accepted.Add(message.Event);
                break;
            default:
                this.Drop(message, $"it does not apply to an instance that is {step.Status}");
                break;
        }
    }

    private void ClassifyStart(OrchestrationStep step, TaskMessage message, ExecutionStartedEvent start)
    {
        OrchestrationState? state = step.WorkItem.State;
        if (step.Started?.ExecutionId == start.ExecutionId ||
            (state is not null && state.ExecutionId == start.ExecutionId && state.Status.IsTerminal()))
        {
            Log.DuplicateDropped(this.logger, nameof(ExecutionStartedEvent), message.MessageId, message.InstanceId);
            return;
        }

        if (start.Parent is null && (state is null || (state.Status == OrchestrationRuntimeStatus.Pending && state.ExecutionId != start.ExecutionId)))
        {
            // A client writes a top-level instance's state before sending its start, so a start without that state is
            // left over: its instance was purged (or its creation rolled back, or replaced by a newer one) while the
            // start waited in a queue, e.g. a scheduled start. Applying it would bring the instance back.
            this.Drop(message, state is null ? "the instance does not exist (purged)" : $"execution {state.ExecutionId} was created since");
            return;
        }

        if (step.IsRunning)
        {
            // Another execution of this id is running (e.g. a parent reused a running child's id): refuse, and tell the parent.
            Log.StartConflict(this.logger, message.InstanceId, start.ExecutionId);
            if (start.Parent is { } parent)
            {
                var failure = new TaskFailureDetails(
                    "Serverless.Durable.InstanceAlreadyRunning",
                    $"Sub-orchestration instance '{message.InstanceId}' is already running another execution.",
                    null,
                    null);
                step.Outbound.Add(new TaskMessage(
                    MessageIds.ExecutionOutcome(message.InstanceId, start.ExecutionId),
                    parent.InstanceId,
                    parent.ExecutionId,
                    new SubOrchestrationInstanceFailedEvent(step.Now, parent.TaskScheduledId, failure)));
            }

            return;
        }

        if (start.ScheduledStartAt is { } due && due > step.Now)
        {
            // A scheduled start beyond the backend's delay limit arrives early: send it on until it is due.
            step.Outbound.Add(message with { VisibleAt = this.TimerVisibleAt(due, step.Now), DequeueCount = 0 });
            return;
        }

        step.StartNew(start);
    }

    private void ClassifyBeforeStart(OrchestrationStep step, TaskMessage message, OrchestrationState? state)
    {
        if (state is null || state.Status.IsTerminal())
        {
            this.Drop(message, state is null ? "the instance does not exist" : "the instance has finished");
            return;
        }

        switch (message.Event)
        {
            case EventRaisedEvent raised:
                this.AcceptOnce(step, message, raised);
                break;
            case ExecutionTerminatedEvent terminate:
                step.Terminate = terminate;
                step.Accepted.Add(terminate);
                break;
            default:
                this.Drop(message, "the instance has not started");
                break;
        }
    }

    private void ClassifyCompletion(OrchestrationStep step, TaskMessage message, CompletionEvent completion)
    {
        if (!step.Scheduled.Contains(completion.TaskScheduledId))
        {
            this.Drop(message, $"the execution scheduled no task #{completion.TaskScheduledId}");
            return;
        }

        if (step.Completed.Contains(completion.TaskScheduledId))
        {
            Log.DuplicateDropped(this.logger, completion.GetType().Name, message.MessageId, message.InstanceId);
            return;
        }

        if (completion is TimerFiredEvent fired && fired.FireAt > step.Now)
        {
            // Delivered early (a capped delay hop, or clock skew between hosts): never fire early, send it on.
            DateTimeOffset visibleAt = this.TimerVisibleAt(fired.FireAt, step.Now);
            Log.TimerResent(this.logger, fired.TimerId, message.InstanceId, fired.FireAt, visibleAt);
            step.Outbound.Add(message with { VisibleAt = visibleAt, DequeueCount = 0 });
            return;
        }

        step.Completed.Add(completion.TaskScheduledId);
        step.Accepted.Add(completion);
    }

    private void AcceptOnce(OrchestrationStep step, TaskMessage message, EventRaisedEvent raised)
    {
        string id = raised.MessageId ?? message.MessageId;
        if (!step.SeenMessageIds.Add(id))
        {
            Log.DuplicateDropped(this.logger, nameof(EventRaisedEvent), message.MessageId, message.InstanceId);
            return;
        }

        step.Accepted.Add(raised with { MessageId = id });
    }

    private void Drop(TaskMessage message, string reason) =>
        Log.MessageDropped(this.logger, message.Event.GetType().Name, message.MessageId, message.InstanceId, reason);
}
