using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Serverless.Durable.Client;

namespace Serverless.Functions.Operations;

/// <summary>Healthy when the host has started and not begun stopping, and the engine's backend answers an instance query.</summary>
internal sealed class DurableEngineHealthCheck(DurableTaskClient client, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The engine is not running.");
        }

        try
        {
            await client.GetInstanceAsync("health-probe", getInputsAndOutputs: false, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The engine's backend did not answer.", ex);
        }
    }
}
