using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>Gives each test class its own container on the collection's Azurite, deleted afterwards.</summary>
/// <remarks>The service client logs every request, so tests can assert which REST calls an operation made.</remarks>
public abstract class BlobContainerTestBase : IAsyncLifetime
{
    private readonly string _containerName;

    protected BlobContainerTestBase(AzuriteFixture fixture, string prefix)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ConnectionString = fixture.ConnectionString;
        var options = new StorageClientOptions();
        options.AddPolicy(Requests, Azure.Core.HttpPipelinePosition.PerRetry);
        Service = new BlobServiceClient(ConnectionString, options);
        _containerName = UniqueNames.Container(prefix);
        Container = Service.GetBlobContainerClient(_containerName);
    }

    protected string ConnectionString { get; }

    protected RequestLog Requests { get; } = new();

    protected BlobServiceClient Service { get; }

    protected BlobContainerClient Container { get; }

    public virtual async Task InitializeAsync() => await Container.CreateIfNotExistsAsync();

    public virtual async Task DisposeAsync() => await Container.DeleteIfExistsAsync();
}
