using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Durable.AzureStorage;
using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;
using Serverless.Functions.Local;

namespace Serverless.Functions.Durable;

/// <summary>Builds the backend named by <c>extensions:durableTask:storageProvider:type</c>: Azure Storage on <c>AzureWebJobsStorage</c> (default) or in-memory.</summary>
internal static class BackendSelection
{
    public static IOrchestrationBackend Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DurableHostOptions>>().Value;
        if (options.StorageProvider.Type == DurableBackendTypes.InMemory)
        {
            return services.GetRequiredService<InMemoryOrchestrationBackend>();
        }

        // Process-wide, like the storage account it protects: set before the worker (and its background work) starts.
        Serverless.Storage.BackgroundStorageTraffic.MaxConcurrentRequests = options.StorageProvider.MaxBackgroundStorageRequests;

        // The backend is disposed with the container, which releases its partition leases for the other hosts.
        return new AzureStorageOrchestrationBackend(
            StorageConnection.Get(services.GetRequiredService<IConfiguration>()),
            options.HubName,
            AzureStorageOptions(options),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>The host.json settings in the backend's terms (Durable Functions' names on the left).</summary>
    public static AzureStorageOrchestrationOptions AzureStorageOptions(DurableHostOptions options) => new()
    {
        PartitionCount = options.StorageProvider.PartitionCount,
        MaxQueuePollingInterval = options.StorageProvider.MaxQueuePollingInterval,
        OrchestrationLockTimeout = options.StorageProvider.ControlQueueVisibilityTimeout,
        ActivityLockTimeout = options.StorageProvider.WorkItemQueueVisibilityTimeout,
        LeaseCheckInterval = options.StorageProvider.LeaseCheckInterval,
    };
}
