using Serverless.Durable.Backend;

namespace Serverless.Durable.Worker;

public sealed partial class DurableTaskWorker
{
    private async Task DispatchOrchestrationsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            OrchestrationWorkItem? workItem;
            try
            {
                workItem = await this.backend.LockNextOrchestrationWorkItemAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                await this.BackOffAsync("orchestration", ex, stoppingToken);
                continue;
            }

            if (workItem is not null)
            {
                // A step is short and must not be cut off half-committed: it runs to the end even when stopping.
                await this.ProcessOrchestrationAsync(workItem);
            }
        }
    }

    private async Task ProcessOrchestrationAsync(OrchestrationWorkItem workItem)
    {
        try
        {
            OrchestrationCommit commit = this.runner.Run(workItem);
            await this.backend.CompleteOrchestrationWorkItemAsync(workItem, commit, CancellationToken.None);
        }
        catch (WorkItemLockLostException ex)
        {
            Log.LockLost(this.logger, workItem.InstanceId, ex);
        }
        catch (Exception ex)
        {
            Log.StepFailed(this.logger, workItem.InstanceId, ex);
            try
            {
                await this.backend.AbandonOrchestrationWorkItemAsync(workItem, this.options.AbandonRetryDelay, CancellationToken.None);
            }
            catch (Exception abandonError)
            {
                // The lock expires on its own; the messages come back then.
                Log.DispatcherError(this.logger, "orchestration", abandonError);
            }
        }
    }
}
