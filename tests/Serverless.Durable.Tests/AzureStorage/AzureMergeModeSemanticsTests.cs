using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Semantics;
using Serverless.Durable.Tests.Support;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

// The semantics suites whose steps exercise the commit path most (calls, new executions, sub-orchestrations, duplicates),
// run with the other write-behind settings: every step written on its own (MergeSteps off), and steps merged only while a
// write is under way (MaxMergeDelay zero). The default (merged, waiting for the next step while a call runs) runs in
// AzureStorageSemanticsTests.

[Collection(AzuriteCollection.Name)]
public sealed class AzureUnmergedActivityTests(AzuriteFixture azurite, ITestOutputHelper output) : ActivityTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.MergeSteps = false);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureUnmergedContinueAsNewTests(AzuriteFixture azurite, ITestOutputHelper output) : ContinueAsNewTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.MergeSteps = false);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureUnmergedDeliveryTests(AzuriteFixture azurite, ITestOutputHelper output) : DeliveryTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.MergeSteps = false);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureEagerMergeActivityTests(AzuriteFixture azurite, ITestOutputHelper output) : ActivityTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.MaxMergeDelay = TimeSpan.Zero);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureEagerMergeContinueAsNewTests(AzuriteFixture azurite, ITestOutputHelper output) : ContinueAsNewTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.MaxMergeDelay = TimeSpan.Zero);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureEagerMergeSubOrchestrationTests(AzuriteFixture azurite, ITestOutputHelper output) : SubOrchestrationTests(output)
{
    protected override ITestBackend CreateBackend(ManualTimeProvider clock) => new AzureStorageTestBackend(azurite, clock, new TestLog(this.Output), o => o.MaxMergeDelay = TimeSpan.Zero);
}
