using Microsoft.Extensions.Logging;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Durable.Worker;

namespace Serverless.Durable.Core;

/// <summary>Turns an orchestration work item into a commit: filters its messages, replays the orchestrator, collects what it scheduled.</summary>
/// <remarks>Pure with respect to the backend: it reads the work item and returns the commit; the dispatcher does the I/O.</remarks>
internal sealed partial class OrchestrationStepRunner
{
    private readonly DurableTaskRegistry registry;
    private readonly DataConverter converter;
    private readonly TimeProvider timeProvider;
    private readonly DurableTaskWorkerOptions options;
    private readonly TimeSpan? maxMessageDelay;
    private readonly OrchestrationExecutor executor;
    private readonly ILogger logger;

    public OrchestrationStepRunner(DurableTaskRegistry registry, DataConverter converter, ILoggerFactory loggerFactory, TimeProvider timeProvider, DurableTaskWorkerOptions options, TimeSpan? maxMessageDelay)
    {
        this.registry = registry;
        this.converter = converter;
        this.timeProvider = timeProvider;
        this.options = options;
        this.maxMessageDelay = maxMessageDelay;
        this.executor = new OrchestrationExecutor(converter, loggerFactory);
        this.logger = loggerFactory.CreateLogger<DurableTaskWorker>();
    }

    public OrchestrationCommit Run(OrchestrationWorkItem workItem)
    {
        var step = new OrchestrationStep(workItem, this.timeProvider.GetUtcNow());
        List<TaskMessage> poison = [.. workItem.Messages.Where(m => m.DequeueCount > this.options.MaxDequeueCount)];
        if (poison.Count > 0)
        {
            return this.Poison(step, poison);
        }

        foreach (TaskMessage message in workItem.Messages)
        {
            this.Classify(step, message);
        }

        if (!step.IsRunning)
        {
            return this.NotRunning(step);
        }

        return step.Terminate is { } terminate ? this.Terminated(step, terminate) : this.Execute(step);
    }

    private OrchestrationCommit Execute(OrchestrationStep step)
    {
        ExecutionStartedEvent started = step.Started!;
        List<HistoryEvent> fresh = step.FreshEvents();
        if (!this.registry.TryGetOrchestrator(started.Name, out OrchestratorFunc? orchestrator))
        {
            Log.OrchestratorNotFound(this.logger, started.Name, step.InstanceId);
            var missing = new TaskFailureDetails("Serverless.Durable.OrchestratorNotFound", $"No orchestrator named '{started.Name}' is registered.", null, null);
            return this.Finish(step, fresh, OrchestrationRuntimeStatus.Failed, null, missing, step.WorkItem.State?.CustomStatus);
        }

        IReadOnlyList<HistoryEvent> past = step.StartsNew ? [] : step.WorkItem.History;
        ExecutionOutcome outcome = this.executor.Execute(orchestrator, started, step.InstanceId, past, fresh);
        switch (outcome.Status)
        {
            case null:
                this.AddActions(step, fresh, outcome.NewActions);
                return this.Commit(step, fresh, this.State(step, step.Status ?? OrchestrationRuntimeStatus.Running, null, null, outcome.CustomStatus));
            case OrchestrationRuntimeStatus.ContinuedAsNew:
                return this.ContinueAsNew(step, outcome);
            case OrchestrationRuntimeStatus.Failed:
                Log.OrchestrationFailed(this.logger, started.Name, step.InstanceId, outcome.Exception!);
                return this.Finish(step, fresh, OrchestrationRuntimeStatus.Failed, null, outcome.Failure, outcome.CustomStatus);
            default:
                // Work scheduled without being awaited (fire and forget) is still sent.
                this.AddActions(step, fresh, outcome.NewActions);
                return this.Complete(step, fresh, outcome);
        }
    }

    private OrchestrationCommit Complete(OrchestrationStep step, List<HistoryEvent> fresh, ExecutionOutcome outcome)
    {
        string? output;
        try
        {
            output = this.converter.Serialize(outcome.Output);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            // An output that cannot be stored fails the orchestration; retrying the step would fail the same way.
            Log.OrchestrationFailed(this.logger, step.Started!.Name, step.InstanceId, ex);
            return this.Finish(step, fresh, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex), outcome.CustomStatus);
        }

        return this.Finish(step, fresh, OrchestrationRuntimeStatus.Completed, output, null, outcome.CustomStatus);
    }

    private OrchestrationCommit Terminated(OrchestrationStep step, ExecutionTerminatedEvent terminate)
    {
        List<HistoryEvent> fresh = step.FreshEvents();
        return this.Finish(step, fresh, OrchestrationRuntimeStatus.Terminated, terminate.Output, null, step.WorkItem.State?.CustomStatus);
    }

    /// <summary>The instance has no running execution: buffer events for a pending one, or drop everything.</summary>
    private OrchestrationCommit NotRunning(OrchestrationStep step)
    {
        OrchestrationState? state = step.WorkItem.State;
        if (state is null || state.Status.IsTerminal())
        {
            return new OrchestrationCommit { OrchestrationMessages = step.Outbound };
        }

        if (step.Terminate is { } terminate)
        {
            Log.OrchestrationFinished(this.logger, state.Name, step.InstanceId, OrchestrationRuntimeStatus.Terminated);
            return new OrchestrationCommit
            {
                ReplacesHistory = true,
                NewState = state with { Status = OrchestrationRuntimeStatus.Terminated, Output = terminate.Output, LastUpdatedAt = step.Now, CompletedAt = step.Now },
                OrchestrationMessages = step.Outbound,
            };
        }

        return new OrchestrationCommit { NewEvents = step.Accepted, OrchestrationMessages = step.Outbound };
    }
}
