using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Serverless.Durable;
using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Bench.Engine;

/// <summary>
/// Wraps the worker's backend to see, in process and without extra storage requests, when an instance commits a
/// step and when it completes: polling the instance table for completion would inflate the request counts.
/// </summary>
internal sealed class ObservedBackend(IOrchestrationBackend inner) : IOrchestrationBackend
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> completions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> commits = new(StringComparer.Ordinal);

    private int completed;
    private int totalCommits;

    public TimeSpan? MaxMessageDelay => inner.MaxMessageDelay;

    /// <summary>How many instances have completed (for traces).</summary>
    public int CompletedCount => Volatile.Read(ref this.completed);

    /// <summary>How many steps have committed, all instances together (for traces).</summary>
    public int TotalCommits => Volatile.Read(ref this.totalCommits);

    /// <summary>Completes with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the instance's completing commit.</summary>
    public Task<long> CompletedAsync(string instanceId) => this.Completion(instanceId).Task;

    /// <summary>How many steps of the instance have committed.</summary>
    public int CommitCount(string instanceId) => Volatile.Read(ref this.commits.GetOrAdd(instanceId, _ => new StrongBox<int>()).Value);

    public void Forget(string instanceId)
    {
        this.completions.TryRemove(instanceId, out _);
        this.commits.TryRemove(instanceId, out _);
    }

    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        await inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);
        Interlocked.Increment(ref this.commits.GetOrAdd(workItem.InstanceId, _ => new StrongBox<int>()).Value);
        Interlocked.Increment(ref this.totalCommits);
        if (commit.NewEvents.OfType<ExecutionCompletedEvent>().Any(e => e.Status != OrchestrationRuntimeStatus.ContinuedAsNew))
        {
            if (this.Completion(workItem.InstanceId).TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp()))
            {
                Interlocked.Increment(ref this.completed);
            }
        }
    }

    public Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken) => inner.LockNextOrchestrationWorkItemAsync(cancellationToken);

    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan retryDelay, CancellationToken cancellationToken) =>
        inner.AbandonOrchestrationWorkItemAsync(workItem, retryDelay, cancellationToken);

    public Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken) => inner.LockNextActivityWorkItemAsync(cancellationToken);

    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken) =>
        inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);

    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken) => inner.AbandonActivityWorkItemAsync(workItem, cancellationToken);

    public Task<bool> CreateInstanceAsync(OrchestrationState state, TaskMessage startMessage, CancellationToken cancellationToken) =>
        inner.CreateInstanceAsync(state, startMessage, cancellationToken);

    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken) => inner.SendMessageAsync(message, cancellationToken);

    public Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInputsAndOutputs, CancellationToken cancellationToken) =>
        inner.GetStateAsync(instanceId, fetchInputsAndOutputs, cancellationToken);

    public Task<OrchestrationState> WaitForStateAsync(string instanceId, Func<OrchestrationState, bool> condition, CancellationToken cancellationToken) =>
        inner.WaitForStateAsync(instanceId, condition, cancellationToken);

    public Task<InstanceQueryPage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) => inner.GetHistoryAsync(instanceId, cancellationToken);

    private TaskCompletionSource<long> Completion(string instanceId) =>
        this.completions.GetOrAdd(instanceId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
