using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Semantics;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.InMemory;

// Each semantics suite, run on the in-memory backend. The Azure Storage backend adds the same list for itself.
public sealed class InMemoryActivityTests(ITestOutputHelper output) : ActivityTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryTimerTests(ITestOutputHelper output) : TimerTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryExternalEventTests(ITestOutputHelper output) : ExternalEventTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryRetryTests(ITestOutputHelper output) : RetryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemorySubOrchestrationTests(ITestOutputHelper output) : SubOrchestrationTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryContinueAsNewTests(ITestOutputHelper output) : ContinueAsNewTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryDeliveryTests(ITestOutputHelper output) : DeliveryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryReplayTests(ITestOutputHelper output) : ReplayTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryManagementTests(ITestOutputHelper output) : ManagementTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryQueryTests(ITestOutputHelper output) : QueryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}

public sealed class InMemoryBackendContractTests : BackendContractTests
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new InMemoryTestBackend(clock);
}
