using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Durable.Backend;
using Serverless.Durable.Client;
using Serverless.Durable.Worker;

namespace Serverless.Durable;

/// <summary>Registers the durable engine.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>Adds the registry, the worker (as a hosted service), the client and a backend chosen on the builder.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Chooses the backend and registers functions, e.g. <c>b =&gt; b.UseInMemory().AddTasks(r =&gt; …)</c>.</param>
    /// <returns>The services.</returns>
    /// <remarks>Registrations use TryAdd: a <see cref="TimeProvider"/>, <see cref="DataConverter"/> or logger factory registered first wins.</remarks>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new DurableTaskBuilder(services));

        services.AddOptions<DurableTaskWorkerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableTaskWorkerOptions>, WorkerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DurableTaskRegistry>>().Value);
        services.TryAddSingleton<DurableTaskWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkerHostedService>());
        services.TryAddSingleton<DurableTaskClient>(sp => new BackendDurableTaskClient(
            sp.GetRequiredService<IOrchestrationBackend>(),
            sp.GetRequiredService<DataConverter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    private sealed class WorkerOptionsValidator : IValidateOptions<DurableTaskWorkerOptions>
    {
        public ValidateOptionsResult Validate(string? name, DurableTaskWorkerOptions options)
        {
            IReadOnlyList<string> problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    // The worker is a singleton others can resolve (to stop it, in tests); the host starts it through this.
    private sealed class WorkerHostedService(DurableTaskWorker worker) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => worker.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => worker.StopAsync(cancellationToken);
    }
}
