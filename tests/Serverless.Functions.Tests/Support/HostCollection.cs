using Serverless.Testing;

namespace Serverless.Functions.Tests.Support;

/// <summary>One Azurite for every test that starts a host; each test uses its own tables and names.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Host on Azurite";
}
