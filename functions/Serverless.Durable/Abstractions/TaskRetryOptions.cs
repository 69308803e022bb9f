namespace Serverless.Durable;

/// <summary>The retry settings of a task call.</summary>
public sealed class TaskRetryOptions
{
    /// <summary>Creates retry options from a policy.</summary>
    /// <param name="policy">The retry policy.</param>
    public TaskRetryOptions(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        this.Policy = policy;
    }

    /// <summary>The retry policy.</summary>
    public RetryPolicy Policy { get; }

    /// <summary>Wraps a policy.</summary>
    /// <param name="policy">The retry policy.</param>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => FromRetryPolicy(policy);

    /// <summary>Wraps a policy.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The retry options.</returns>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
