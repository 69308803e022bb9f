using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.Tests.Support;

/// <summary>Wraps a backend to inject the failures of a real deployment: crashes between steps, lost acknowledgements.</summary>
public sealed class InterceptingBackend(IOrchestrationBackend inner) : IOrchestrationBackend
{
    /// <summary>Replaces a commit; the last argument performs the real one.</summary>
    public Func<OrchestrationWorkItem, OrchestrationCommit, Func<Task>, Task>? OnCompleteOrchestration { get; set; }

    /// <summary>Replaces an activity completion; the last argument performs the real one.</summary>
    public Func<ActivityWorkItem, TaskMessage, Func<Task>, Task>? OnCompleteActivity { get; set; }

    public IOrchestrationBackend Inner => inner;

    public TimeSpan? MaxMessageDelay => inner.MaxMessageDelay;

    public Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken) => inner.LockNextOrchestrationWorkItemAsync(cancellationToken);

    public Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken) =>
        this.OnCompleteOrchestration is { } hook
            ? hook(workItem, commit, () => inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken))
            : inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);

    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan retryDelay, CancellationToken cancellationToken) =>
        inner.AbandonOrchestrationWorkItemAsync(workItem, retryDelay, cancellationToken);

    public Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken) => inner.LockNextActivityWorkItemAsync(cancellationToken);

    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken) =>
        this.OnCompleteActivity is { } hook
            ? hook(workItem, result, () => inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken))
            : inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);

    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken) => inner.AbandonActivityWorkItemAsync(workItem, cancellationToken);

    public Task<bool> CreateInstanceAsync(OrchestrationState state, TaskMessage startMessage, CancellationToken cancellationToken) => inner.CreateInstanceAsync(state, startMessage, cancellationToken);

    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken) => inner.SendMessageAsync(message, cancellationToken);

    public Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInputsAndOutputs, CancellationToken cancellationToken) => inner.GetStateAsync(instanceId, fetchInputsAndOutputs, cancellationToken);

    public Task<OrchestrationState> WaitForStateAsync(string instanceId, Func<OrchestrationState, bool> condition, CancellationToken cancellationToken) => inner.WaitForStateAsync(instanceId, condition, cancellationToken);

    public Task<InstanceQueryPage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) => inner.GetHistoryAsync(instanceId, cancellationToken);
}
