using Microsoft.Extensions.Logging;
using Serverless.Durable.AzureStorage;

namespace Serverless.Durable.TestWorker.Hosting;

/// <summary>The task hub's backend as every process of a multi-process test configures it.</summary>
public static class TaskHubBackend
{
    /// <summary>
    /// Short leases and locks so a killed worker's partitions and messages come back within seconds, not minutes;
    /// a fast lease check so a second worker gets its share soon after it starts.
    /// </summary>
    public static AzureStorageOrchestrationOptions Options(string workerId) => new()
    {
        PartitionCount = 4,
        LeaseDuration = TimeSpan.FromSeconds(15),
        LeaseCheckInterval = TimeSpan.FromSeconds(2),
        OrchestrationLockTimeout = TimeSpan.FromSeconds(15),
        ActivityLockTimeout = TimeSpan.FromSeconds(15),
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        WorkerId = workerId,
    };

    public static AzureStorageOrchestrationBackend Create(WorkerArguments arguments, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new AzureStorageOrchestrationBackend(arguments.ConnectionString, arguments.HubName, Options(arguments.Name), TimeProvider.System, loggerFactory);
    }
}
