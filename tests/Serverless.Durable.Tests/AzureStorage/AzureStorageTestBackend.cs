using Microsoft.Extensions.Logging;
using Serverless.Durable.AzureStorage;
using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>
/// The Azure Storage backend under test on its own task hub in Azurite. Delays follow the manual clock as well as the
/// queues' own visibility; idle means no step, activity, held message or due wake-up in the process and no visible message.
/// </summary>
public sealed class AzureStorageTestBackend : ITestBackend
{
    private readonly AzureStorageOrchestrationBackend backend;

    public AzureStorageTestBackend(AzuriteFixture azurite, TimeProvider clock, ILoggerFactory? log = null, Action<AzureStorageOrchestrationOptions>? configure = null, string? hubName = null)
    {
        var options = new AzureStorageOrchestrationOptions
        {
            PartitionCount = 2,
            FollowLocalClockForDelays = clock is ManualTimeProvider,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200),
            LeaseDuration = TimeSpan.FromSeconds(15),
        };
        configure?.Invoke(options);
        this.HubName = hubName ?? NewHubName();
        this.backend = new AzureStorageOrchestrationBackend(azurite.ConnectionString, this.HubName, options, clock, log);
    }

    public string HubName { get; }

    public AzureStorageOrchestrationBackend AzureBackend => this.backend;

    public IOrchestrationBackend Backend => this.backend;

    public static string NewHubName() => "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        // Two idle observations in a row, so a hand-over between two parts of the backend is not mistaken for rest.
        int idle = 0;
        while (idle < 2)
        {
            idle = await this.backend.IsIdleAsync(cancellationToken) ? idle + 1 : 0;
            await Task.Delay(TimeSpan.FromMilliseconds(idle == 0 ? 20 : 5), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TaskMessage>> GetPoisonMessagesAsync(CancellationToken cancellationToken)
    {
        // The poison copy is sent after the commit that records the failure (outbox order), so a caller that saw the
        // instance fail can still be ahead of it: let the backend settle before reading the poison queue.
        await this.WaitForIdleAsync(cancellationToken);
        return await this.backend.PeekPoisonMessagesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await this.backend.DisposeAsync();
        await this.backend.DeleteTaskHubAsync();
    }
}
