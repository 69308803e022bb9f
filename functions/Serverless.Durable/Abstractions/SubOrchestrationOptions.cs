namespace Serverless.Durable;

/// <summary>Options of a sub-orchestration call.</summary>
/// <param name="InstanceId">The child's instance id; <see langword="null"/> derives one deterministically.</param>
/// <param name="Retry">How failures are retried; <see langword="null"/> for no retries.</param>
/// <remarks>
/// With retries and an explicit <paramref name="InstanceId"/>, each attempt reuses the id: the child of a failed
/// attempt is finished, so the next attempt starts a new execution of the same instance.
/// </remarks>
public sealed record SubOrchestrationOptions(string? InstanceId = null, TaskRetryOptions? Retry = null) : TaskOptions(Retry);
