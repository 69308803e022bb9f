using Serverless.Durable.AzureStorage;
using Serverless.Durable.Backend;

namespace Serverless.Bench.Engine;

/// <summary>
/// The Azure Storage backend on the run's Azurite. Each backend counts its requests through the backend's
/// <see cref="AzureStorageOrchestrationOptions.ConfigureClients"/> hook, which adds the ledger to every storage client.
/// </summary>
internal sealed class AzureStorageBackendFactory(string connectionString) : IEngineBackendFactory
{
    private readonly List<AzureStorageOrchestrationBackend> created = [];

    public string Name => "Azure Storage (Azurite)";

    public string ConnectionString => connectionString;

    public async Task<IOrchestrationBackend> CreateAsync(string hub, RequestLedger ledger, CancellationToken cancellationToken)
    {
        var options = new AzureStorageOrchestrationOptions
        {
            ConfigureClients = clients => clients.AddPolicy(ledger, Azure.Core.HttpPipelinePosition.PerRetry),
        };
        var backend = new AzureStorageOrchestrationBackend(connectionString, hub, options);
        await backend.CreateIfNotExistsAsync(cancellationToken);
        lock (this.created)
        {
            this.created.Add(backend);
        }

        return backend;
    }

    public async Task DeleteHubAsync(string hub, CancellationToken cancellationToken)
    {
        AzureStorageOrchestrationBackend[] backends;
        lock (this.created)
        {
            backends = [.. this.created.Where(b => b.HubName == hub)];
            this.created.RemoveAll(b => b.HubName == hub);
        }

        foreach (AzureStorageOrchestrationBackend backend in backends)
        {
            await backend.DisposeAsync();
        }

        if (backends.Length > 0)
        {
            await backends[0].DeleteTaskHubAsync(cancellationToken);
        }
    }
}
