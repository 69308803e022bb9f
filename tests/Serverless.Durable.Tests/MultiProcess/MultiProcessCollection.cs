using Serverless.Testing;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>The multi-process tests share one Azurite and run one after another: each starts worker processes that need the cores.</summary>
[CollectionDefinition(Name)]
public sealed class MultiProcessCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Multi-process engine";
}
