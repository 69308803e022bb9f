using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;
using Serverless.Durable.Worker;

namespace Serverless.Durable.Tests.Support;

/// <summary>
/// The semantics tests, written once against <see cref="ITestBackend"/>: each backend adds a subclass that says how
/// to create one (see <c>InMemory/</c>). Every test starts its own host on a fresh backend.
/// </summary>
public abstract class DurableTestBase(ITestOutputHelper output)
{
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Creates an empty backend whose clock is <paramref name="clock"/>.</summary>
    protected abstract ITestBackend CreateBackend(ManualTimeProvider clock);

    protected Task<DurableTestHost> StartAsync(
        Action<DurableTaskRegistry> tasks,
        Action<DurableTaskWorkerOptions>? worker = null,
        Func<IOrchestrationBackend, IOrchestrationBackend>? decorate = null)
    {
        var clock = new ManualTimeProvider();
        return DurableTestHost.StartAsync(this.CreateBackend(clock), clock, new TestLog(this.Output), tasks, worker, decorate);
    }
}
