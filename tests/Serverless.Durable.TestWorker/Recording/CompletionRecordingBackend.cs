using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.TestWorker.Recording;

/// <summary>
/// Wraps the worker's backend and records every orchestration completion this process committed. A commit that
/// lost its lock throws before the record is written, so the rows show which process's completion took effect.
/// </summary>
/// <remarks>A kill between the commit and the record loses the row: the crash test therefore checks histories, not rows.</remarks>
public sealed class CompletionRecordingBackend(IOrchestrationBackend inner, ExecutionRecorder recorder, Action<Exception> onRecordFailed) : DelegatingOrchestrationBackend(inner)
{
    public override async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        await this.Inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);
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
}
