using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>One Azurite for every Azure Storage test class; each test uses its own task hub and deletes it afterwards.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Durable on Azurite";
}
