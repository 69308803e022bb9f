namespace Serverless.Durable.Client;

/// <summary>Which finished instances to purge; all given conditions must hold.</summary>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created at or before this time.</param>
/// <param name="Statuses">Only instances in these statuses; <see langword="null"/> for every finished status. Unfinished instances are never purged.</param>
public sealed record PurgeInstancesFilter(DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null, IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);
