using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serverless.Storage.Queues;

namespace Serverless.Functions.Operations;

/// <summary>Healthy when the storage account answers an authenticated request (a queue existence check).</summary>
internal sealed class StorageHealthCheck(QueueServiceClient queues) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await queues.GetQueueClient("health-probe").ExistsAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason stays in the server's log; the answer only says which check failed.
            return HealthCheckResult.Unhealthy("Storage did not answer.", ex);
        }
    }
}
