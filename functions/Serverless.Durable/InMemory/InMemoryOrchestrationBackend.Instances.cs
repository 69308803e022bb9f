using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.InMemory;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc/>
    public Task<bool> CreateInstanceAsync(OrchestrationState state, TaskMessage startMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(startMessage);
        lock (this.gate)
        {
            Instance instance = this.GetOrAdd(state.InstanceId);
            if (instance.State is { } existing && !existing.Status.IsTerminal())
            {
                return Task.FromResult(false);
            }

            // A finished instance is replaced; messages left for its old execution are dropped by the engine.
            instance.History.Clear();
            instance.State = state;
            instance.Version++;
            this.stateIndex.Add(state.InstanceId);
            this.Enqueue(startMessage, this.timeProvider.GetUtcNow());
        }

        this.Pulse();
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (this.gate)
        {
            DateTimeOffset now = this.timeProvider.GetUtcNow();
            this.CheckDelay(message, now);
            this.Enqueue(message, now);
        }

        this.Pulse();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInputsAndOutputs, CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            OrchestrationState? state = this.instances.GetValueOrDefault(instanceId)?.State;
            return Task.FromResult(state is null ? null : Shape(state, fetchInputsAndOutputs));
        }
    }

    /// <inheritdoc/>
    public async Task<OrchestrationState> WaitForStateAsync(string instanceId, Func<OrchestrationState, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            Task change;
            lock (this.gate)
            {
                if (this.instances.GetValueOrDefault(instanceId)?.State is { } state && condition(state))
                {
                    return state;
                }

                change = this.changed.Task;
            }

            await change.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            if (!this.instances.TryGetValue(instanceId, out Instance? instance) || instance.State is not { } state || !state.Status.IsTerminal())
            {
                return Task.FromResult(false);
            }

            // Its queued messages go with it; activity calls not running now too (a running one's result is dropped on arrival).
            this.instances.Remove(instanceId);
            this.UnmarkPending(instance);
            this.stateIndex.Remove(instanceId);
            for (LinkedListNode<ActivityEntry>? node = this.activities.First; node is not null;)
            {
                LinkedListNode<ActivityEntry>? next = node.Next;
                if (node.Value.Message.InstanceId == instanceId && node.Value.LockToken is null)
                {
                    this.activities.Remove(node);
                }

                node = next;
            }
        }

        this.Pulse();
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (this.gate)
        {
            IReadOnlyList<HistoryEvent> history = this.instances.TryGetValue(instanceId, out Instance? instance) ? [.. instance.History] : [];
            return Task.FromResult(history);
        }
    }

    private static OrchestrationState Shape(OrchestrationState state, bool fetchInputsAndOutputs) =>
        fetchInputsAndOutputs ? state : state with { Input = null, Output = null, CustomStatus = null };
}
