using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.Core;

/// <summary>The working state of one step: what the history says, and what the work item's messages add.</summary>
internal sealed class OrchestrationStep
{
    public OrchestrationStep(OrchestrationWorkItem workItem, DateTimeOffset now)
    {
        this.WorkItem = workItem;
        this.Now = now;
        this.Status = workItem.State?.Status;
        foreach (HistoryEvent e in workItem.History)
        {
            switch (e)
            {
                case ExecutionStartedEvent started:
                    this.Started = started;
                    this.SeenMessageIds.UnionWith(started.PreviousExecutionMessageIds ?? []);
                    break;
                case SchedulingEvent scheduled:
                    this.Scheduled.Add(scheduled.EventId);
                    break;
                case CompletionEvent completed:
                    this.Completed.Add(completed.TaskScheduledId);
                    break;
                case EventRaisedEvent { MessageId: { } id }:
                    this.SeenMessageIds.Add(id);
                    break;
            }
        }

        // Events that arrived before the execution started are kept in history and handed to it when it starts.
        this.PreStartEvents = this.Started is null ? [.. workItem.History.OfType<EventRaisedEvent>()] : [];
    }

    public OrchestrationWorkItem WorkItem { get; }

    public string InstanceId => this.WorkItem.InstanceId;

    public DateTimeOffset Now { get; }

    /// <summary>The start of the current execution: from history, or from this work item.</summary>
    public ExecutionStartedEvent? Started { get; private set; }

    /// <summary>Whether this work item starts a new execution (the history is replaced).</summary>
    public bool StartsNew { get; private set; }

    public OrchestrationRuntimeStatus? Status { get; set; }

    public IReadOnlyList<EventRaisedEvent> PreStartEvents { get; }

    public HashSet<int> Scheduled { get; } = [];

    public HashSet<int> Completed { get; } = [];

    public HashSet<string> SeenMessageIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The message events to append, in order.</summary>
    public List<HistoryEvent> Accepted { get; } = [];

    public List<TaskMessage> Outbound { get; } = [];

    public List<TaskMessage> ActivityMessages { get; } = [];

    public ExecutionTerminatedEvent? Terminate { get; set; }

    /// <summary>Whether the current execution can still run code or take messages.</summary>
    public bool IsRunning => this.Started is not null &&
        (this.StartsNew || this.WorkItem.State is { } state && !state.Status.IsTerminal());

    public void StartNew(ExecutionStartedEvent started)
    {
        this.Started = started;
        this.StartsNew = true;
        this.Status = OrchestrationRuntimeStatus.Running;
        this.Scheduled.Clear();
        this.Completed.Clear();
    }

    /// <summary>The events before the orchestrator's first new one: a step marker, and the start when this step starts an execution.</summary>
    public List<HistoryEvent> FreshEvents()
    {
        var fresh = new List<HistoryEvent> { new OrchestratorStartedEvent(this.Now) };
        if (this.StartsNew)
        {
            fresh.Add(this.Started!);
            fresh.AddRange(this.PreStartEvents);
        }

        fresh.AddRange(this.Accepted);
        return fresh;
    }
}
