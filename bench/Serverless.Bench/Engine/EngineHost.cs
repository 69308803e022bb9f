using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Durable;
using Serverless.Durable.Backend;
using Serverless.Durable.Client;
using Serverless.Durable.Worker;

namespace Serverless.Bench.Engine;

/// <summary>A worker and a client on a fresh task hub sharing one backend, as in the Functions host (AddDurableTask registers one backend for both).</summary>
/// <remarks>
/// A shared backend caches the instances its client creates in partitions it owns, so their first step reads no row, and its
/// index writes join the worker's group commits. Its requests are all counted in <see cref="WorkerLedger"/>; <see cref="ClientLedger"/> stays empty.
/// </remarks>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IEngineBackendFactory factory;
    private readonly DurableTaskWorker worker;

    private EngineHost(IEngineBackendFactory factory, string hub, DurableTaskWorker worker, ObservedBackend observed, DurableTaskClient client, RequestLedger workerLedger, RequestLedger clientLedger)
    {
        this.factory = factory;
        this.Hub = hub;
        this.worker = worker;
        this.Observed = observed;
        this.Client = client;
        this.WorkerLedger = workerLedger;
        this.ClientLedger = clientLedger;
    }

    public string Hub { get; }

    public ObservedBackend Observed { get; }

    public DurableTaskClient Client { get; }

    public RequestLedger WorkerLedger { get; }

    public RequestLedger ClientLedger { get; }

    public static async Task<EngineHost> StartAsync(IEngineBackendFactory factory, string hub, DurableTaskWorkerOptions workerOptions, WarningLog log, Action<DurableTaskRegistry> tasks, CancellationToken cancellationToken)
    {
        var workerLedger = new RequestLedger();
        var clientLedger = new RequestLedger();
        IOrchestrationBackend backend = await factory.CreateAsync(hub, workerLedger, cancellationToken);
        var observed = new ObservedBackend(backend);
        var registry = new DurableTaskRegistry();
        tasks(registry);
        var worker = new DurableTaskWorker(observed, registry, Options.Create(workerOptions), JsonDataConverter.Default, TimeProvider.System, log);
        var client = new BackendDurableTaskClient(backend, JsonDataConverter.Default, TimeProvider.System, NullLoggerFactory.Instance, hub);
        await worker.StartAsync(cancellationToken);
        return new EngineHost(factory, hub, worker, observed, client, workerLedger, clientLedger);
    }

    public async ValueTask DisposeAsync()
    {
        await this.worker.DisposeAsync();
        await this.factory.DeleteHubAsync(this.Hub, CancellationToken.None);
    }
}
