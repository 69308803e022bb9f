using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Durable;
using Serverless.Durable.AzureStorage;
using Serverless.Durable.Worker;
using Serverless.Functions.Hosting;
using Serverless.Functions.Invocation;
using Serverless.Functions.Local;

namespace Serverless.Functions.Durable;

/// <summary>Runs the durable engine inside the host: the worker as a hosted service, the backend chosen by configuration, the app's functions in its registry.</summary>
internal static class DurableHostRegistration
{
    public static void AddDurableFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DurableHostOptions.Section);
        services.AddOptions<DurableHostOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(
                o => o.StorageProvider.Type is DurableBackendTypes.InMemory or DurableBackendTypes.AzureStorage,
                $"storageProvider.type must be {DurableBackendTypes.AzureStorage} or {DurableBackendTypes.InMemory}.")
            .ValidateOnStart();

        // The backend is chosen from configuration as registered; a bad value still fails start-up through the validation above.
        var durableOptions = section.Get<DurableHostOptions>() ?? new DurableHostOptions();
        services.AddDurableTask(durable =>
        {
            if (durableOptions.StorageProvider.Type == DurableBackendTypes.InMemory)
            {
                durable.UseInMemory();
                return;
            }

            durable.UseAzureStorage(StorageConnection.Get(configuration), durableOptions.HubName, new AzureStorageOrchestrationOptions
            {
                PartitionCount = durableOptions.StorageProvider.PartitionCount,
                MaxQueuePollingInterval = durableOptions.StorageProvider.MaxQueuePollingInterval,
            });
        });
        services.AddSingleton<IConfigureOptions<DurableTaskRegistry>, DurableFunctionRegistrar>();
        services.AddOptions<DurableTaskWorkerOptions>().Configure<IOptions<DurableHostOptions>, IOptions<FunctionHostOptions>>((worker, durable, host) =>
        {
            worker.MaxConcurrentActivities = durable.Value.MaxConcurrentActivityFunctions;
            worker.MaxConcurrentOrchestrations = durable.Value.MaxConcurrentOrchestratorFunctions;
            worker.StopGracePeriod = host.Value.ShutdownGracePeriod;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITriggerBinder, OrchestrationTriggerBinder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITriggerBinder, ActivityTriggerBinder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IParameterBinder, DurableClientBinder>());
    }
}
