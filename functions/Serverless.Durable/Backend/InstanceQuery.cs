namespace Serverless.Durable.Backend;

/// <summary>A filter over instance states, answered one page at a time.</summary>
/// <remarks>All given conditions must hold. Pages are ordered by instance id (ordinal); backends serve the prefix condition as a key range, not a scan.</remarks>
public sealed record InstanceQuery
{
    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created at or before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only instances in one of these statuses; <see langword="null"/> or empty for any.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances whose id starts with this (ordinal).</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Only instances of this orchestrator (case-insensitive).</summary>
    public string? Name { get; init; }

    /// <summary>The most states to return in one page.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where to continue, from a previous page; <see langword="null"/> for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether to return inputs, outputs and custom status.</summary>
    public bool FetchInputsAndOutputs { get; init; }
}

/// <summary>One page of instance states.</summary>
/// <param name="States">The states, ordered by instance id.</param>
/// <param name="ContinuationToken">The token for the next page; <see langword="null"/> on the last page.</param>
/// <remarks>A page may hold fewer states than the page size (even none) and still have a continuation token.</remarks>
public sealed record InstanceQueryPage(IReadOnlyList<OrchestrationState> States, string? ContinuationToken);
