namespace Serverless.Durable;

public abstract partial class TaskOrchestrationContext
{
    /// <summary>Waits for an external event raised on this instance (by a client or another orchestration).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The payload of the next event with this name.</returns>
    /// <remarks>
    /// Events that arrive before anyone waits are buffered per name, in arrival order; each wait takes the
    /// oldest. Waiters of one name are served in the order they started waiting.
    /// </remarks>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event, at most <paramref name="timeout"/> (a durable timer).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name (case-insensitive).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The payload; throws <see cref="TaskCanceledException"/> when the timeout fires first.</returns>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Both tasks are durable and complete in history order, so the race is decided the same way on every replay.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T> received = this.WaitForExternalEvent<T>(eventName, linked.Token);
        Task timer = this.CreateTimer(timeout, linked.Token);
        Task winner = await Task.WhenAny(received, timer);
        // Cancel synchronously: CancelAsync would resume this method off the replaying thread, outside the step.
#pragma warning disable CA1849
        linked.Cancel();
#pragma warning restore CA1849
        if (winner == received)
        {
            return await received;
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"Timed out after {timeout} waiting for external event '{eventName}'.");
    }
}
