using Serverless.Durable.History;

namespace Serverless.Durable.Backend;

/// <summary>
/// A backend that passes every call to an inner backend: derive from it and override only what a decorator observes
/// or changes (recording commits, counting, injecting faults).
/// </summary>
/// <param name="inner">The backend that does the work.</param>
/// <remarks>A decorator must keep the contract: an override that does not call the inner member must do what it would have done.</remarks>
public abstract class DelegatingOrchestrationBackend(IOrchestrationBackend inner) : IOrchestrationBackend
{
    /// <summary>The backend calls are passed to.</summary>
    protected IOrchestrationBackend Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    public virtual TimeSpan? MaxMessageDelay => this.Inner.MaxMessageDelay;

    /// <inheritdoc/>
    public virtual Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken) =>
        this.Inner.LockNextOrchestrationWorkItemAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken) =>
        this.Inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);

    /// <inheritdoc/>
    public virtual Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan retryDelay, CancellationToken cancellationToken) =>
        this.Inner.AbandonOrchestrationWorkItemAsync(workItem, retryDelay, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken) =>
        this.Inner.LockNextActivityWorkItemAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken) =>
        this.Inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);

    /// <inheritdoc/>
    public virtual Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken) =>
        this.Inner.AbandonActivityWorkItemAsync(workItem, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> CreateInstanceAsync(OrchestrationState state, TaskMessage startMessage, CancellationToken cancellationToken) =>
        this.Inner.CreateInstanceAsync(state, startMessage, cancellationToken);

    /// <inheritdoc/>
    public virtual Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken) =>
        this.Inner.SendMessageAsync(message, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInputsAndOutputs, CancellationToken cancellationToken) =>
        this.Inner.GetStateAsync(instanceId, fetchInputsAndOutputs, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<OrchestrationState> WaitForStateAsync(string instanceId, Func<OrchestrationState, bool> condition, CancellationToken cancellationToken) =>
        this.Inner.WaitForStateAsync(instanceId, condition, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<InstanceQueryPage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) =>
        this.Inner.QueryInstancesAsync(query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        this.Inner.PurgeInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        this.Inner.GetHistoryAsync(instanceId, cancellationToken);
}
