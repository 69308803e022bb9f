using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Durable;

[Collection(HostCollection.Name)]
public sealed class DurableShutdownTests(AzuriteFixture azurite)
{
    private readonly AzuriteFixture _azurite = azurite;

    [Fact]
    public async Task An_activity_running_at_shutdown_finishes_within_the_grace_period()
    {
        await using var host = await DurableHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Host:ShutdownGracePeriod"] = "00:00:10" });
        await host.StartGreetingAsync(new GreetingRequest("Meena", false, ActivityMilliseconds: 1500));
        await host.Log.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await host.Host.App.StopAsync();

        Assert.Equal((1, 0), (host.Log.Finished, host.Log.Cancelled));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(9), $"Stopping took {stopwatch.Elapsed}.");
    }

    [Fact]
    public async Task An_activity_still_running_when_the_grace_period_ends_is_cancelled_and_left_for_redelivery()
    {
        await using var host = await DurableHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Host:ShutdownGracePeriod"] = "00:00:01" });
        await host.StartGreetingAsync(new GreetingRequest("Meena", false, ActivityMilliseconds: 30_000));
        await host.Log.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await host.Host.App.StopAsync();

        Assert.Equal((0, 1), (host.Log.Finished, host.Log.Cancelled));
    }
}
