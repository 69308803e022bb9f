using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Durable;
using Serverless.Durable.InMemory;
using Serverless.Durable.Worker;
using Serverless.Functions.Hosting;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Durable;

/// <summary>Runs the durable engine inside the host: the worker as a hosted service, the backend chosen by configuration, the app's functions in its registry.</summary>
internal static class DurableHostRegistration
{
    public static void AddDurableFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DurableHostOptions.Section);
        services.AddOptions<DurableHostOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.StorageProvider.Type is DurableBackendTypes.AzureStorage or DurableBackendTypes.InMemory, "storageProvider.type must be AzureStorage or InMemory.")
            .Validate(o => o.StorageProvider.Type is not DurableBackendTypes.AzureStorage || BackendSelection.AzureStorageOptions(o).Validate().Count == 0, "storageProvider settings are out of range for the Azure Storage backend.")
            .ValidateOnStart();

        services.AddDurableTask(durable => durable.UseBackend(BackendSelection.Create));

        // Resolvable by its own type too, so tests on the in-memory backend can reach it.
        services.TryAddSingleton(sp => new InMemoryOrchestrationBackend(sp.GetRequiredService<TimeProvider>()));
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
