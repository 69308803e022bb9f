using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Durable.Backend;
using Serverless.Durable.Client;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Worker;

namespace Serverless.Durable.Tests.Support;

/// <summary>A worker and a client over one backend, built through AddDurableTask, with a manual clock and a safety timeout.</summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    // Generous: on Azurite the 1,000-activity fan-out took 14 s in a contended run, and only a hang should reach this.
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(120));

    private DurableTestHost(ServiceProvider services, ITestBackend backend, ManualTimeProvider clock, TestLog log)
    {
        this.services = services;
        this.TestBackend = backend;
        this.Clock = clock;
        this.Log = log;
        this.Client = services.GetRequiredService<DurableTaskClient>();
        this.Worker = services.GetRequiredService<DurableTaskWorker>();
    }

    public DurableTaskClient Client { get; }

    public DurableTaskWorker Worker { get; }

    public ManualTimeProvider Clock { get; }

    public TestLog Log { get; }

    public ITestBackend TestBackend { get; }

    public IOrchestrationBackend Backend => this.TestBackend.Backend;

    /// <summary>A safety net against hangs, never a timing assertion.</summary>
    public CancellationToken Timeout => this.timeout.Token;

    public static async Task<DurableTestHost> StartAsync(
        ITestBackend backend,
        ManualTimeProvider clock,
        TestLog log,
        Action<DurableTaskRegistry> tasks,
        Action<DurableTaskWorkerOptions>? worker = null,
        Func<IOrchestrationBackend, IOrchestrationBackend>? decorate = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<ILoggerFactory>(log);
        collection.AddDurableTask(b => b
            .UseBackend(_ => decorate is null ? backend.Backend : decorate(backend.Backend))
            .AddTasks(tasks)
            .ConfigureWorker(o =>
            {
                o.MaxConcurrentOrchestrations = 2;
                o.MaxConcurrentActivities = 4;
                worker?.Invoke(o);
            }));
        ServiceProvider services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var host = new DurableTestHost(services, backend, clock, log);
        await host.Worker.StartAsync(CancellationToken.None);
        return host;
    }

    public Task WaitForIdleAsync() => this.TestBackend.WaitForIdleAsync(this.Timeout);

    /// <summary>Advances the clock once everything runnable has run, then waits for the consequences.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        await this.WaitForIdleAsync();
        this.Clock.Advance(delta);
        await this.WaitForIdleAsync();
    }

    public Task<OrchestrationMetadata> CompletionAsync(string instanceId) =>
        this.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, this.Timeout);

    public Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) => this.Backend.GetHistoryAsync(instanceId, this.Timeout);

    public async ValueTask DisposeAsync()
    {
        await this.Worker.StopAsync(CancellationToken.None);
        await this.services.DisposeAsync();
        await this.TestBackend.DisposeAsync();
        this.timeout.Dispose();
    }
}
