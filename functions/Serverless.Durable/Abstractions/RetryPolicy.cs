namespace Serverless.Durable;

/// <summary>How an orchestration retries a failed activity or sub-orchestration: attempts, back-off and which failures.</summary>
/// <remarks>
/// Waits between attempts are durable timers, so a retry survives restarts and costs nothing while waiting.
/// The delay before attempt n+1 is <c>FirstRetryInterval × BackoffCoefficient^(n-1)</c>, capped at
/// <see cref="MaxRetryInterval"/>. Changing a policy for running instances changes the timers they schedule:
/// a replay hazard when the change alters the number of attempts already recorded.
/// </remarks>
public sealed class RetryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="maxNumberOfAttempts">The number of attempts, including the first; at least 1.</param>
    /// <param name="firstRetryInterval">The wait before the first retry; positive.</param>
    /// <param name="backoffCoefficient">The multiplier applied to each further wait; at least 1.</param>
    /// <param name="maxRetryInterval">The longest wait between attempts; <see langword="null"/> for no limit.</param>
    /// <param name="retryTimeout">How long after the first attempt started retries may still begin; <see langword="null"/> for no limit.</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        if (maxRetryInterval is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, firstRetryInterval, nameof(maxRetryInterval));
        }

        if (retryTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(retryTimeout));
        }

        this.MaxNumberOfAttempts = maxNumberOfAttempts;
        this.FirstRetryInterval = firstRetryInterval;
        this.BackoffCoefficient = backoffCoefficient;
        this.MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        this.RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>The number of attempts, including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>The multiplier applied to each further wait.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>The longest wait between attempts (one hour unless set).</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>How long after the first attempt retries may still begin; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides by failure whether to retry; <see langword="true"/> retries. Retries every failure unless set.</summary>
    /// <remarks>Runs inside the orchestrator on every replay: it must be deterministic (decide on the details only).</remarks>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = static _ => true;

    /// <summary>The wait after the given failed attempt.</summary>
    /// <param name="attempt">The 1-based number of the attempt that failed.</param>
    /// <returns>The back-off delay.</returns>
    public TimeSpan GetDelay(int attempt)
    {
        double ticks = this.FirstRetryInterval.Ticks * Math.Pow(this.BackoffCoefficient, attempt - 1);
        return ticks >= this.MaxRetryInterval.Ticks ? this.MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
