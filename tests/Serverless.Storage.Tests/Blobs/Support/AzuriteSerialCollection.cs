using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>
/// A collection that xunit runs alone, after every parallel collection, with its own Azurite: for tests that
/// measure process-wide figures (allocated bytes) that other tests running alongside would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzuriteSerialCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite (serial)";
}
