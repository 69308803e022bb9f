using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Semantics;
using Serverless.Durable.Tests.Support;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

// Each semantics suite, run on the Azure Storage backend against Azurite (one task hub per test).

[Collection(AzuriteCollection.Name)]
public sealed class AzureActivityTests(AzuriteFixture azurite, ITestOutputHelper output) : ActivityTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

/// <summary>The activity semantics with calls going through the work-item queue (any worker may take them).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureQueuedActivityTests(AzuriteFixture azurite, ITestOutputHelper output) : ActivityTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.RunActivitiesInPartitionOwner = false);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureTimerTests(AzuriteFixture azurite, ITestOutputHelper output) : TimerTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureExternalEventTests(AzuriteFixture azurite, ITestOutputHelper output) : ExternalEventTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureRetryTests(AzuriteFixture azurite, ITestOutputHelper output) : RetryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureSubOrchestrationTests(AzuriteFixture azurite, ITestOutputHelper output) : SubOrchestrationTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureContinueAsNewTests(AzuriteFixture azurite, ITestOutputHelper output) : ContinueAsNewTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureDeliveryTests(AzuriteFixture azurite, ITestOutputHelper output) : DeliveryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureReplayTests(AzuriteFixture azurite, ITestOutputHelper output) : ReplayTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureManagementTests(AzuriteFixture azurite, ITestOutputHelper output) : ManagementTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureQueryTests(AzuriteFixture azurite, ITestOutputHelper output) : QueryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output));
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBackendContractTests(AzuriteFixture azurite) : BackendContractTests
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock);
}
