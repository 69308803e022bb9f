namespace Serverless.Durable.Client;

/// <summary>Options for scheduling a new orchestration instance.</summary>
/// <param name="InstanceId">The instance id; <see langword="null"/> generates a random one.</param>
/// <param name="StartAt">When to start; <see langword="null"/> for now. The instance is Pending until then.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
