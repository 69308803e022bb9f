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
internal sealed class ObservedBackend(IOrchestrationBackend inner) : DelegatingOrchestrationBackend(inner)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> completions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> commits = new(StringComparer.Ordinal);

    private int completed;
    private int totalCommits;

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

    public override async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        await this.Inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);
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

    private TaskCompletionSource<long> Completion(string instanceId) =>
        this.completions.GetOrAdd(instanceId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
