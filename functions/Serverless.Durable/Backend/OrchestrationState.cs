namespace Serverless.Durable.Backend;

/// <summary>The stored state of an orchestration instance: what clients query.</summary>
/// <remarks>Backends store it per instance (the instance table row) and may omit the payloads when asked for no inputs and outputs.</remarks>
public sealed record OrchestrationState
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The id of the current (or next) execution.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The runtime status.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>When the instance (its current execution chain) was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the state last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>When the instance finished, if it has.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When a scheduled start is due, for instances created with a start time.</summary>
    public DateTimeOffset? ScheduledStartAt { get; init; }

    /// <summary>The serialized input.</summary>
    public string? Input { get; init; }

    /// <summary>The serialized output.</summary>
    public string? Output { get; init; }

    /// <summary>The serialized custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>The failure, for failed instances.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>The parent's instance id, for sub-orchestrations.</summary>
    public string? ParentInstanceId { get; init; }
}
