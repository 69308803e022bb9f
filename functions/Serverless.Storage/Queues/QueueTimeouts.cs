namespace Serverless.Storage.Queues;

/// <summary>Validates visibility timeouts and time-to-live values and turns them into the service's whole seconds.</summary>
/// <remarks>
/// Fractions of a second round up, so a requested delay is never shortened. Bad values fail here, before any request,
/// with a message that says what to do instead; the service would only answer 400 with a parameter name.
/// </remarks>
internal static class QueueTimeouts
{
    /// <summary>The longest a message can be hidden, on send, receive or update.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>The visibility timeout in seconds; zero is allowed (visible at once) when <paramref name="allowZero"/>.</summary>
    public static long VisibilitySeconds(TimeSpan value, bool allowZero, string paramName)
    {
        if (value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"A queue message can be hidden for at most 7 days, and {paramName} asks for {value}. " +
                "For a longer delay, hide it for up to 7 days and re-send or update it each time it shows (chain the delays).");
        }

        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !allowZero))
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                allowZero ? $"{paramName} must not be negative." : $"{paramName} must be positive (the service's minimum is 1 second).");
        }

        return CeilingSeconds(value);
    }

    /// <summary>The time to live in seconds, or -1 for never expire (<see cref="Timeout.InfiniteTimeSpan"/> or -1 s).</summary>
    public static long TimeToLiveSeconds(TimeSpan value, string paramName)
    {
        if (value == Timeout.InfiniteTimeSpan || value == NeverExpires)
        {
            return -1;
        }

        if (value <= TimeSpan.Zero || CeilingSeconds(value) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be positive and at most {int.MaxValue} seconds; use Timeout.InfiniteTimeSpan for a message that never expires.");
        }

        return CeilingSeconds(value);
    }

    /// <summary>Validates a send's delay and lifetime together: a message must become visible before it expires.</summary>
    public static (long? Visibility, long? TimeToLive) ForSend(TimeSpan? visibilityTimeout, TimeSpan? timeToLive)
    {
        long? visibility = visibilityTimeout is { } v ? VisibilitySeconds(v, allowZero: true, nameof(visibilityTimeout)) : null;
        long? ttl = timeToLive is { } t ? TimeToLiveSeconds(t, nameof(timeToLive)) : null;
        if (visibility is { } vs && ttl is { } ts && ts != -1 && vs >= ts)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout,
                $"visibilityTimeout ({visibilityTimeout}) must be shorter than timeToLive ({timeToLive}), or the message would expire unseen.");
        }

        return (visibility, ttl);
    }

    /// <summary>Validates a receive or peek batch size (1 to 32).</summary>
    public static int? MessageCount(int? maxMessages, string paramName)
    {
        if (maxMessages is < 1 or > QueueClient.MaxMessagesPerRequest)
        {
            throw new ArgumentOutOfRangeException(paramName, maxMessages,
                $"{paramName} must be between 1 and {QueueClient.MaxMessagesPerRequest}.");
        }

        return maxMessages;
    }

    private static long CeilingSeconds(TimeSpan value) =>
        (value.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
}
