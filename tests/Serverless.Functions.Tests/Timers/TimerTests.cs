using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Tests.Support;
using Microsoft.Extensions.Options;
using Serverless.Functions.Timers;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Timers;

[Collection(HostCollection.Name)]
public sealed class TimerTests(AzuriteFixture azurite)
{
    private readonly AzuriteFixture _azurite = azurite;

    private readonly TimerLog _log = new();

    private readonly TimerSchedulingLog _scheduling = new();

    [Fact]
    public async Task A_timer_fires_on_its_six_field_schedule_with_its_schedule_status()
    {
        await using (await StartAsync("a", typeof(EverySecond)))
        {
            await WaitUntilAsync(() => _log.Firings.Count >= 2, TimeSpan.FromSeconds(60));
        }

        var (_, _, info) = _log.Firings.First();
        Assert.False(info.IsPastDue);
        Assert.Equal(TimeSpan.FromSeconds(1), info.ScheduleStatus!.Next - info.ScheduleStatus.Last);
        Assert.Equal(0, info.ScheduleStatus.Last.Millisecond);
    }

    [Fact]
    public async Task Two_hosts_on_one_schedule_store_fire_each_occurrence_once()
    {
        var table = UniqueNames.Table("timers");
        await using (await StartAsync("a", typeof(EverySecond), table))
        await using (await StartAsync("b", typeof(EverySecond), table))
        {
            await WaitUntilAsync(() => _log.Firings.Count >= 4, TimeSpan.FromSeconds(60));
        }

        var occurrences = _log.Firings.Select(f => f.Info.ScheduleStatus!.Last).ToList();
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
    }

    [Fact]
    public async Task An_occurrence_missed_while_no_host_ran_fires_once_at_start_as_past_due()
    {
        var table = UniqueNames.Table("timers");
        var monitor = new TableScheduleMonitor(
            new TableServiceClient(_azurite.ConnectionString),
            Options.Create(new TimerOptions { TableName = table }),
            TimeProvider.System);
        var missed = DateTimeOffset.UtcNow.AddHours(-3);
        Assert.True(await monitor.TryClaimAsync("Yearly", missed.AddHours(-1), missed, default));

        await using (await StartAsync("a", typeof(Yearly), table))
        await using (await StartAsync("b", typeof(Yearly), table))
        {
            // Until both schedulers are past their start-up check: only then could a second past-due firing not still come.
            await WaitUntilAsync(() => _scheduling.Scheduled.ContainsKey("a") && _scheduling.Scheduled.ContainsKey("b"), TimeSpan.FromSeconds(60));
        }

        var (_, _, info) = Assert.Single(_log.Firings);
        Assert.True(info.IsPastDue);
        Assert.Equal(missed, info.ScheduleStatus!.Last);
        Assert.True(info.ScheduleStatus.Next > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Run_on_startup_fires_when_the_host_starts()
    {
        await using (await StartAsync("a", typeof(YearlyOnStartup)))
        {
            await WaitUntilAsync(() => _scheduling.Scheduled.ContainsKey("a"), TimeSpan.FromSeconds(60));
        }

        Assert.False(_log.Firings.Single().Info.IsPastDue);
    }

    private Task<TestHost> StartAsync(string name, Type functions, string? scheduleTable = null) =>
        TestHost.StartAsync(
            _azurite,
            [functions],
            b =>
            {
                b.Services.AddSingleton(_log);
                b.Services.AddSingleton(new HostName(name));
                _scheduling.AddTo(b.Logging, name);
            },
            scheduleTable is null ? null : new Dictionary<string, string?> { ["Timers:TableName"] = scheduleTable });

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting.");
            await Task.Delay(50);
        }
    }
}
