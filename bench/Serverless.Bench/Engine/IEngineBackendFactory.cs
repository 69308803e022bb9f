using Serverless.Durable.Backend;

namespace Serverless.Bench.Engine;

/// <summary>Creates the backend of one task hub, with its storage requests counted in a ledger.</summary>
/// <remarks>The worker and the client get separate backends (and ledgers) so the figures split worker work from client calls.</remarks>
internal interface IEngineBackendFactory
{
    string Name { get; }

    /// <summary>Creates (and provisions, if needed) the backend of <paramref name="hub"/>; every call for one hub reaches the same state.</summary>
    Task<IOrchestrationBackend> CreateAsync(string hub, RequestLedger ledger, CancellationToken cancellationToken);

    /// <summary>Removes what the hub stored.</summary>
    Task DeleteHubAsync(string hub, CancellationToken cancellationToken);
}
