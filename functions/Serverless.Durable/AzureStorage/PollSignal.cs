namespace Serverless.Durable.AzureStorage;

/// <summary>Wakes a queue poller early: set when work arrives in this process, so the poller need not wait out its back-off.</summary>
/// <remarks>
/// Waits are wall-clock on purpose: they pace requests to the storage service, whose visibility and leases run on
/// real time, not on the engine's (possibly manual) <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class PollSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    /// <summary>Wakes the waiter, or lets its next wait return at once.</summary>
    public void Set()
    {
        try
        {
            if (this.semaphore.CurrentCount == 0)
            {
                this.semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    /// <summary>Waits until set or until <paramref name="timeout"/> passes.</summary>
    /// <returns>Whether it was set.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => this.semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => this.semaphore.Dispose();
}
