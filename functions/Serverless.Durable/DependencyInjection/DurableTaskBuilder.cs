using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;
using Serverless.Durable.Worker;

namespace Serverless.Durable;

/// <summary>Configures the durable engine inside <see cref="DurableTaskServiceCollectionExtensions.AddDurableTask"/>.</summary>
public sealed class DurableTaskBuilder
{
    internal DurableTaskBuilder(IServiceCollection services)
    {
        this.Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers orchestrators and activities.</summary>
    /// <param name="configure">Adds functions to the registry.</param>
    /// <returns>This builder.</returns>
    public DurableTaskBuilder AddTasks(Action<DurableTaskRegistry> configure)
    {
        this.Services.Configure(configure);
        return this;
    }

    /// <summary>Configures the worker (concurrency, poison threshold, stop grace period).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public DurableTaskBuilder ConfigureWorker(Action<DurableTaskWorkerOptions> configure)
    {
        this.Services.Configure(configure);
        return this;
    }

    /// <summary>Uses the in-memory backend (tests, single-process tools). Its clock is the registered <see cref="TimeProvider"/>.</summary>
    /// <param name="configure">Changes the backend options.</param>
    /// <returns>This builder.</returns>
    public DurableTaskBuilder UseInMemory(Action<InMemoryBackendOptions>? configure = null)
    {
        OptionsBuilder<InMemoryBackendOptions> options = this.Services.AddOptions<InMemoryBackendOptions>()
            .Validate(o => o.LockTimeout > TimeSpan.Zero && o.MaxMessageDelay is not { Ticks: <= 0 }, "The in-memory backend needs a positive lock timeout and message delay limit.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        this.Services.TryAddSingleton(sp => new InMemoryOrchestrationBackend(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<InMemoryBackendOptions>>().Value));
        this.Services.TryAddSingleton<IOrchestrationBackend>(sp => sp.GetRequiredService<InMemoryOrchestrationBackend>());
        return this;
    }

    /// <summary>Uses a backend created by <paramref name="factory"/>.</summary>
    /// <param name="factory">Creates the backend.</param>
    /// <returns>This builder.</returns>
    public DurableTaskBuilder UseBackend(Func<IServiceProvider, IOrchestrationBackend> factory)
    {
        this.Services.TryAddSingleton(factory);
        return this;
    }
}
