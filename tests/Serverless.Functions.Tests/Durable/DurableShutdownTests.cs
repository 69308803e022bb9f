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
        // A grace period far longer than the activity: stopping must end when the activity does, not when the grace
        // period does. A host that sat out the grace period would outlast the give-up limit below, so the check needs
        // no stopwatch (a slow machine can take as long as it likes to run the 1.5 s activity).
        await using var host = await DurableHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Host:ShutdownGracePeriod"] = "00:05:00" });
        await host.StartGreetingAsync(new GreetingRequest("Meena", false, ActivityMilliseconds: 1500));
        await host.Log.Started.Task.WaitAsync(TimeSpan.FromSeconds(120));

        await host.Host.App.StopAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((1, 0), (host.Log.Finished, host.Log.Cancelled));
    }

    [Fact]
    public async Task An_activity_still_running_when_the_grace_period_ends_is_cancelled_and_left_for_redelivery()
    {
        await using var host = await DurableHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Host:ShutdownGracePeriod"] = "00:00:01" });
        await host.StartGreetingAsync(new GreetingRequest("Meena", false, ActivityMilliseconds: 30_000));
        await host.Log.Started.Task.WaitAsync(TimeSpan.FromSeconds(120));

        await host.Host.App.StopAsync();

        Assert.Equal((0, 1), (host.Log.Finished, host.Log.Cancelled));
    }

    [Fact]
    public async Task Work_abandoned_by_a_stopping_host_is_redelivered_to_another_on_the_same_hub_and_completes()
    {
        // Two hosts on one task hub in one storage account stand for two processes.
        var hub = new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = UniqueNames.Table("hub"),
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:leaseCheckInterval"] = "00:00:01",
            ["Host:ShutdownGracePeriod"] = "00:00:01",
        };
        var slow = new ActivityLog { Delay = TimeSpan.FromMinutes(5) };
        var fast = new ActivityLog { Delay = TimeSpan.Zero };
        var first = await DurableHost.StartAsync(_azurite, hub, slow);
        var payload = await first.StartGreetingAsync(new GreetingRequest("Meena", false));
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        await using var second = await DurableHost.StartAsync(_azurite, hub, fast);

        await first.Host.App.StopAsync();
        await first.DisposeAsync();

        var url = payload.GetProperty("statusQueryGetUri").GetString()!.Replace(first.Host.Client.BaseAddress!.ToString().TrimEnd('/'), second.Host.Client.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var status = await second.WaitForStatusAsync(url, "Completed");
        Assert.Equal("Hello Meena from SayHello", status.GetProperty("output").GetString());
        Assert.Equal((0, 1), (slow.Finished, slow.Cancelled));
        Assert.Equal(1, fast.Finished);
    }
}
