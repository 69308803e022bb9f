namespace Serverless.Durable;

/// <summary>Options of an activity or sub-orchestration call.</summary>
/// <param name="Retry">How failures are retried; <see langword="null"/> for no retries.</param>
public record TaskOptions(TaskRetryOptions? Retry = null)
{
    /// <summary>Options that retry by <paramref name="policy"/>.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The options.</returns>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));
}
