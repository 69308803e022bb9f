namespace Serverless.Durable.Client;

/// <summary>A filter over orchestration instances; all given conditions must hold.</summary>
/// <remarks>Results are ordered by instance id. A prefix filter is the cheapest: backends answer it as a key range.</remarks>
public sealed record OrchestrationQuery
{
    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created at or before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only instances in one of these statuses.</summary>
    public IEnumerable<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances whose id starts with this.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Only instances of this orchestrator (case-insensitive).</summary>
    public string? Name { get; init; }

    /// <summary>The page size.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where to start, from a previous page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether to fetch inputs, outputs and custom status.</summary>
    public bool FetchInputsAndOutputs { get; init; }
}
