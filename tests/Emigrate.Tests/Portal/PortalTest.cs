using Microsoft.Extensions.DependencyInjection;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>A test class with its own portal host on the collection's Azurite, started and stopped around each test.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(AzuriteFixture azurite, Action<IServiceCollection>? configure = null) : IAsyncLifetime
{
    protected PortalHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => this.Host = await PortalHost.StartAsync(azurite, configure);

    public async Task DisposeAsync() => await this.Host.DisposeAsync();
}
