using Microsoft.Extensions.Logging;
using Serverless.Durable.History;

namespace Serverless.Durable.Core;

/// <summary>Replays an orchestrator over its past events, applies the new ones, and reports what it did.</summary>
/// <remarks>
/// Runs synchronously on the calling thread with an <see cref="OrchestrationSynchronizationContext"/> installed, so the
/// orchestrator's continuations run in history order. Costs one delegate call per event: no reflection.
/// </remarks>
internal sealed class OrchestrationExecutor(DataConverter converter, ILoggerFactory loggerFactory)
{
    public ExecutionOutcome Execute(OrchestratorFunc orchestrator, ExecutionStartedEvent started, string instanceId, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> fresh)
    {
        var context = new ReplayOrchestrationContext(started.Name, instanceId, started.ExecutionId, started.Input, converter, loggerFactory);
        var run = new Run(context, orchestrator);
        SynchronizationContext? previous = SynchronizationContext.Current;
        var sync = new OrchestrationSynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(sync);
        try
        {
            foreach (HistoryEvent e in past)
            {
                run.Apply(e, sync);
            }

            context.Replaying = false;
            foreach (HistoryEvent e in fresh)
            {
                run.Apply(e, sync);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return ExecutionOutcome.Failed(context, TaskFailureDetails.FromException(ex), ex);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        return run.Outcome();
    }

    private sealed class Run(ReplayOrchestrationContext context, OrchestratorFunc orchestrator)
    {
        private readonly Queue<HistoryEvent> suspended = new();
        private bool isSuspended;
        private Task<object?>? task;

        public void Apply(HistoryEvent e, OrchestrationSynchronizationContext sync)
        {
            switch (e)
            {
                case OrchestratorStartedEvent s:
                    context.SetCurrentUtc(s.Timestamp);
                    break;
                case ExecutionStartedEvent:
                    this.task = Start(context, orchestrator);
                    break;
                case SchedulingEvent scheduled:
                    context.MatchRecorded(scheduled);
                    break;
                case ExecutionSuspendedEvent:
                    this.isSuspended = true;
                    break;
                case ExecutionResumedEvent:
                    this.isSuspended = false;
                    while (!this.isSuspended && this.suspended.TryDequeue(out HistoryEvent? buffered))
                    {
                        this.Deliver(buffered);
                        sync.Pump();
                    }

                    break;
                case CompletionEvent or EventRaisedEvent when this.isSuspended:
                    // A suspended orchestrator sees nothing until it is resumed; history keeps the order.
                    this.suspended.Enqueue(e);
                    break;
                default:
                    this.Deliver(e);
                    break;
            }

            sync.Pump();
        }

        public ExecutionOutcome Outcome()
        {
            if (this.task is not { IsCompleted: true } done)
            {
                return ExecutionOutcome.Running(context);
            }

            try
            {
                object? output = done.GetAwaiter().GetResult();
                return context.ContinueAsNewRequest is { } next
                    ? ExecutionOutcome.ContinuedAsNew(context, next.Input, next.PreserveUnprocessedEvents ? context.UnprocessedEvents : [])
                    : ExecutionOutcome.Completed(context, output);
            }
            catch (Exception ex)
            {
                return ExecutionOutcome.Failed(context, TaskFailureDetails.FromException(ex), ex);
            }
        }

        private static Task<object?> Start(ReplayOrchestrationContext context, OrchestratorFunc orchestrator)
        {
            try
            {
                return orchestrator(context);
            }
            catch (Exception ex)
            {
                // An orchestrator that throws before its first await fails like one that throws later.
                return Task.FromException<object?>(ex);
            }
        }

        private void Deliver(HistoryEvent e)
        {
            switch (e)
            {
                case CompletionEvent completion:
                    context.Complete(completion);
                    break;
                case EventRaisedEvent raised:
                    context.Raise(raised);
                    break;
            }
        }
    }
}
