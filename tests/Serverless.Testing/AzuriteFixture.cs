using Xunit;
using Serverless.Storage;

namespace Serverless.Testing;

/// <summary>
/// An xunit fixture owning one Azurite for a test collection. It fails — never skips — when Azurite cannot start,
/// so a CI run cannot pass while silently skipping its storage tests.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The running emulator.</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("The Azurite fixture has not started.");

    /// <summary>The connection string of the running emulator.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>The parsed connection string.</summary>
    public StorageConnectionString Connection => StorageConnectionString.Parse(ConnectionString);

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
