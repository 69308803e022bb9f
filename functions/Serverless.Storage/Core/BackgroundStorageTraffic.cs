namespace Serverless.Storage;

/// <summary>
/// Marks storage requests made by background work (orchestrations, activities, timers) so that a process can cap how
/// many of them are in flight at once, keeping the storage account's queue short for requests a person is waiting on.
/// </summary>
/// <remarks>
/// Why: the emulator serves requests one at a time, in arrival order, and a full workflow engine keeps dozens in flight;
/// a status read that arrives behind them waits for all of them. With background work capped at a few requests, an
/// interactive request waits for at most those few. Background throughput hardly changes, as a few requests in flight
/// already keep a single-threaded server busy. The mark flows with the async context, so work started inside
/// <see cref="Begin"/> (and everything it awaits or starts) counts as background; everything else is interactive and
/// never waits here.
/// </remarks>
public static class BackgroundStorageTraffic
{
    private static readonly AsyncLocal<bool> Marked = new();
    private static SemaphoreSlim? limiter;
    private static int maxConcurrentRequests;

    /// <summary>Whether the current async flow is background work.</summary>
    public static bool IsActive => Marked.Value;

    /// <summary>
    /// How many background requests this process may have in flight at once, across all storage clients; 0 (the
    /// default) for no limit. Set it at start-up, before background work begins.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public static int MaxConcurrentRequests
    {
        get => maxConcurrentRequests;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            maxConcurrentRequests = value;
            Volatile.Write(ref limiter, value == 0 ? null : new SemaphoreSlim(value, value));
        }
    }

    /// <summary>Marks the current async flow, and what it starts from here on, as background work until disposed.</summary>
    /// <returns>Restores the previous mark when disposed.</returns>
    public static IDisposable Begin()
    {
        bool previous = Marked.Value;
        Marked.Value = true;
        return new Scope(previous);
    }

    /// <summary>The limiter a request of the current flow must pass, or <see langword="null"/> when it need not wait.</summary>
    internal static SemaphoreSlim? LimiterForCurrentFlow() => Marked.Value ? Volatile.Read(ref limiter) : null;

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Marked.Value = previous;
    }
}
