using Serverless.Durable.History;

namespace Serverless.Durable.Core;

/// <summary>Work the orchestrator asked for during a step, identified by its sequence number.</summary>
internal abstract record OrchestratorAction(int Id)
{
    /// <summary>Describes the call for non-determinism errors, e.g. <c>CallActivity('Charge')</c>.</summary>
    public abstract string Describe();

    /// <summary>Whether a recorded scheduling event is this call.</summary>
    public abstract bool Matches(SchedulingEvent recorded);

    /// <summary>Describes a recorded scheduling event in the same words as <see cref="Describe()"/>.</summary>
    public static string Describe(SchedulingEvent recorded) => recorded switch
    {
        TaskScheduledEvent t => $"CallActivity('{t.Name}')",
        TimerCreatedEvent => "CreateTimer",
        SubOrchestrationInstanceCreatedEvent s => $"CallSubOrchestrator('{s.Name}')",
        _ => recorded.GetType().Name,
    };
}

/// <summary>Call an activity.</summary>
internal sealed record ScheduleTaskAction(int Id, string Name, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"CallActivity('{this.Name}')";

    public override bool Matches(SchedulingEvent recorded) =>
        recorded is TaskScheduledEvent t && string.Equals(t.Name, this.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Create a durable timer.</summary>
internal sealed record CreateTimerAction(int Id, DateTimeOffset FireAt) : OrchestratorAction(Id)
{
    public override string Describe() => "CreateTimer";

    // The fire time is derived from the deterministic clock, but code may legitimately change a delay: only the kind must match.
    public override bool Matches(SchedulingEvent recorded) => recorded is TimerCreatedEvent;
}

/// <summary>Start a sub-orchestration.</summary>
internal sealed record CreateSubOrchestrationAction(int Id, string Name, string InstanceId, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"CallSubOrchestrator('{this.Name}')";

    public override bool Matches(SchedulingEvent recorded) =>
        recorded is SubOrchestrationInstanceCreatedEvent s && string.Equals(s.Name, this.Name, StringComparison.OrdinalIgnoreCase);
}
