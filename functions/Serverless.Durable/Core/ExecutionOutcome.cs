using Serverless.Durable.History;

namespace Serverless.Durable.Core;

/// <summary>What a replayed step of an orchestrator did.</summary>
internal sealed record ExecutionOutcome
{
    /// <summary><see langword="null"/> while the orchestrator waits; otherwise Completed, Failed or ContinuedAsNew.</summary>
    public OrchestrationRuntimeStatus? Status { get; private init; }

    public required IReadOnlyList<OrchestratorAction> NewActions { get; init; }

    public string? CustomStatus { get; init; }

    public object? Output { get; private init; }

    public TaskFailureDetails? Failure { get; private init; }

    public Exception? Exception { get; private init; }

    public string? NextInput { get; private init; }

    public IReadOnlyList<EventRaisedEvent> CarriedEvents { get; private init; } = [];

    public static ExecutionOutcome Running(ReplayOrchestrationContext context) =>
        new() { NewActions = [.. context.NewActions], CustomStatus = context.CustomStatus };

    public static ExecutionOutcome Completed(ReplayOrchestrationContext context, object? output) =>
        new() { Status = OrchestrationRuntimeStatus.Completed, Output = output, NewActions = [.. context.NewActions], CustomStatus = context.CustomStatus };

    public static ExecutionOutcome Failed(ReplayOrchestrationContext context, TaskFailureDetails failure, Exception exception) =>
        new() { Status = OrchestrationRuntimeStatus.Failed, Failure = failure, Exception = exception, NewActions = [], CustomStatus = context.CustomStatus };

    public static ExecutionOutcome ContinuedAsNew(ReplayOrchestrationContext context, string? nextInput, IReadOnlyList<EventRaisedEvent> carried) =>
        new()
        {
            Status = OrchestrationRuntimeStatus.ContinuedAsNew,
            NextInput = nextInput,
            CarriedEvents = [.. carried],
            NewActions = [.. context.NewActions],
            CustomStatus = context.CustomStatus,
        };
}
