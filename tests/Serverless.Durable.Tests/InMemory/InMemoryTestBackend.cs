using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.InMemory;

/// <summary>The in-memory backend under test, with Azure's 7-day message delay limit so long timers hop as they would there.</summary>
public sealed class InMemoryTestBackend(ManualTimeProvider clock, InMemoryBackendOptions? options = null) : ITestBackend
{
    private readonly InMemoryOrchestrationBackend backend = new(clock, options ?? new InMemoryBackendOptions { MaxMessageDelay = TimeSpan.FromDays(7) });

    public IOrchestrationBackend Backend => this.backend;

    public Task WaitForIdleAsync(CancellationToken cancellationToken) => this.backend.WaitForIdleAsync(cancellationToken);

    public Task<IReadOnlyList<TaskMessage>> GetPoisonMessagesAsync(CancellationToken cancellationToken) => Task.FromResult(this.backend.PoisonMessages);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
