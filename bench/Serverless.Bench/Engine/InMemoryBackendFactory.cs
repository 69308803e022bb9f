using System.Collections.Concurrent;
using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;

namespace Serverless.Bench.Engine;

/// <summary>The in-memory backend: the engine core's own cost, with no storage requests at all.</summary>
internal sealed class InMemoryBackendFactory : IEngineBackendFactory
{
    private readonly ConcurrentDictionary<string, InMemoryOrchestrationBackend> hubs = new(StringComparer.Ordinal);

    public string Name => "memory";

    public Task<IOrchestrationBackend> CreateAsync(string hub, RequestLedger ledger, CancellationToken cancellationToken) =>
        Task.FromResult<IOrchestrationBackend>(this.hubs.GetOrAdd(hub, _ => new InMemoryOrchestrationBackend(TimeProvider.System)));

    public Task DeleteHubAsync(string hub, CancellationToken cancellationToken)
    {
        this.hubs.TryRemove(hub, out _);
        return Task.CompletedTask;
    }
}
