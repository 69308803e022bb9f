using Serverless.Testing;

namespace Serverless.Storage.Tests;

/// <summary>One Azurite for every storage test class in this assembly; each class uses its own uniquely named resources.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
