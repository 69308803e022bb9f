using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.TestWorker.Recording;

/// <summary>
/// Wraps the worker's backend and records every orchestration completion this process committed. A commit that
/// lost its lock throws before the record is written, so the rows show which process's completion took effect.
/// </summary>
/// <remarks>A kill between the commit and the record loses the row: the crash test therefore checks histories, not rows.</remarks>
public sealed class CompletionRecordingBackend(IOrchestrationBackend inner, ExecutionRecorder recorder, Action<Exception> onRecordFailed) : IOrchestrationBackend
{
    public TimeSpan? MaxMessageDelay => inner.MaxMessageDelay;

    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        await inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);
        if (commit.NewEvents.OfType<ExecutionCompletedEvent>().FirstOrDefault() is { Status: not OrchestrationRuntimeStatus.ContinuedAsNew } completed)
        {
            try
            {
                await recorder.RecordCompletionAsync(workItem.InstanceId, completed.Status.ToString(), CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The commit stands; failing the step now would abandon a committed work item. The test sees the gap.
                onRecordFailed(ex);
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
}
