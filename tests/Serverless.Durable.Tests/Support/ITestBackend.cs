using Serverless.Durable.Backend;

namespace Serverless.Durable.Tests.Support;

/// <summary>A backend under test, with what the semantics tests need beyond the contract.</summary>
/// <remarks>The Azure Storage backend's tests implement this over Azurite (idle = queues empty and no leases held).</remarks>
public interface ITestBackend : IAsyncDisposable
{
    IOrchestrationBackend Backend { get; }

    /// <summary>Completes when nothing can happen without the clock moving or a client call.</summary>
    Task WaitForIdleAsync(CancellationToken cancellationToken);

    /// <summary>The messages moved to the poison store.</summary>
    Task<IReadOnlyList<TaskMessage>> GetPoisonMessagesAsync(CancellationToken cancellationToken);
}
