using Serverless.Testing;

namespace Emigrate.Tests.Sms.Support;

/// <summary>One Azurite for the SMS storage and host tests; each test uses its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class SmsCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "SMS on Azurite";
}
