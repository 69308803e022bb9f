using Serverless.Durable.History;

namespace Serverless.Durable.Core;

internal sealed partial class ReplayOrchestrationContext
{
    // Calls made but not yet matched to a recorded scheduling event; what is left after replay is new work.
    private readonly SortedDictionary<int, OrchestratorAction> unmatchedActions = [];
    private readonly Dictionary<int, OpenTask> openTasks = [];

    /// <summary>The calls of this step that history does not record yet, in call order.</summary>
    public IReadOnlyCollection<OrchestratorAction> NewActions => this.unmatchedActions.Values;

    /// <summary>Matches a recorded scheduling event to the call the code made with the same sequence number.</summary>
    /// <exception cref="NonDeterministicOrchestrationException">The code made no such call, or another one.</exception>
    public void MatchRecorded(SchedulingEvent recorded)
    {
        if (!this.unmatchedActions.Remove(recorded.EventId, out OrchestratorAction? action))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator '{this.Name}' (instance '{this.InstanceId}'): history records call #{recorded.EventId} " +
                $"as {OrchestratorAction.Describe(recorded)}, but on replay the orchestrator made no call #{recorded.EventId}.");
        }

        if (!action.Matches(recorded))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestrator '{this.Name}' (instance '{this.InstanceId}'): history records call #{recorded.EventId} " +
                $"as {OrchestratorAction.Describe(recorded)}, but on replay the orchestrator made {action.Describe()} instead.");
        }
    }

    /// <summary>Completes the task a recorded outcome belongs to; outcomes of unknown or canceled tasks are ignored.</summary>
    public void Complete(CompletionEvent completion)
    {
        if (this.openTasks.Remove(completion.TaskScheduledId, out OpenTask? task))
        {
            task.Complete(completion);
        }
    }

    private Task<string?> Schedule(OrchestratorAction action, string name, bool isSubOrchestration)
    {
        this.unmatchedActions.Add(action.Id, action);

        // Continuations run synchronously inside the executor's pump: deterministic, and no thread hops.
        var source = new TaskCompletionSource<string?>();
        this.openTasks.Add(action.Id, new OpenTask(name, action.Id, source, isSubOrchestration));
        return source.Task;
    }

    private sealed record OpenTask(string Name, int Id, TaskCompletionSource<string?> Source, bool IsSubOrchestration)
    {
        public void Complete(CompletionEvent completion)
        {
            switch (completion)
            {
                case TaskCompletedEvent completed:
                    this.Source.TrySetResult(completed.Result);
                    break;
                case SubOrchestrationInstanceCompletedEvent completed:
                    this.Source.TrySetResult(completed.Result);
                    break;
                case TimerFiredEvent:
                    this.Source.TrySetResult(null);
                    break;
                case TaskFailedEvent failed:
                    this.Source.TrySetException(new TaskFailedException(this.Name, this.Id, failed.FailureDetails));
                    break;
                case SubOrchestrationInstanceFailedEvent failed:
                    this.Source.TrySetException(new SubOrchestrationFailedException(this.Name, this.Id, failed.FailureDetails));
                    break;
            }
        }
    }
}
