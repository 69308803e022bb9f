namespace Serverless.Durable.Core;

/// <summary>Runs an orchestrator's continuations on the replaying thread, in the order they were posted.</summary>
/// <remarks>
/// Awaits in orchestrator code capture this context, so every continuation runs inside <see cref="Pump"/>, on one
/// thread, in a deterministic order: the order in which history events completed the awaited tasks.
/// </remarks>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> work = new();

    public override void Post(SendOrPostCallback d, object? state) => this.work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations until none is left.</summary>
    public void Pump()
    {
        while (this.work.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
