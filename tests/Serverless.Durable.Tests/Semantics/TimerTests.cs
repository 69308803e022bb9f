using System.Collections.Concurrent;
using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class TimerTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task A_10_day_timer_never_fires_early_and_fires_when_due()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, DateTime>("Sleeps", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(10), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }));
        DateTimeOffset start = host.Clock.GetUtcNow();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sleeps");
        await host.AdvanceAsync(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1));

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        var history = await host.HistoryAsync(id);
        Assert.Equal(start + TimeSpan.FromDays(10), history.OfType<TimerCreatedEvent>().Single().FireAt);
        Assert.Empty(history.OfType<TimerFiredEvent>());

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<DateTime>() >= (start + TimeSpan.FromDays(10)).UtcDateTime);
        Assert.Single((await host.HistoryAsync(id)).OfType<TimerFiredEvent>());
    }

    [Fact]
    public async Task Event_wins_the_race_against_its_timeout()
    {
        await using var host = await this.StartAsync(RegisterApproval);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "approve", "yes");

        Assert.Equal("approved:yes", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Timeout_wins_the_race_when_no_event_arrives()
    {
        await using var host = await this.StartAsync(RegisterApproval);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await host.Client.RaiseEventAsync(id, "approve", "too late");

        Assert.Equal("timed out", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task CurrentUtcDateTime_and_NewGuid_are_the_same_on_every_replay()
    {
        var firsts = new ConcurrentQueue<(bool Replaying, Guid Guid, DateTime Time)>();
        var seconds = new ConcurrentQueue<(Guid Guid, DateTime Time)>();
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Noop", (_, _) => Task.FromResult("ok"))
            .AddOrchestrator<string, string>("Clocked", async (ctx, _) =>
            {
                Guid first = ctx.NewGuid();
                firsts.Enqueue((ctx.IsReplaying, first, ctx.CurrentUtcDateTime));
                await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                Guid second = ctx.NewGuid();
                seconds.Enqueue((second, ctx.CurrentUtcDateTime));
                await ctx.CallActivityAsync("Noop");
                return $"{first}/{second}";
            }));
        DateTimeOffset start = host.Clock.GetUtcNow();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Clocked");
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        var done = await host.CompletionAsync(id);

        // Three steps ran the first line: the first for real, two replays; every run saw the same values.
        Assert.Equal([false, true, true], firsts.Select(f => f.Replaying));
        Assert.Single(firsts.Select(f => f.Guid).Distinct());
        Assert.Equal([start.UtcDateTime], firsts.Select(f => f.Time).Distinct());
        Assert.Equal(2, seconds.Count);
        Assert.Single(seconds.Select(s => s.Guid).Distinct());
        Assert.Equal([(start + TimeSpan.FromMinutes(5)).UtcDateTime], seconds.Select(s => s.Time).Distinct());
        Assert.NotEqual(firsts.First().Guid, seconds.First().Guid);
        Assert.Equal($"{firsts.First().Guid}/{seconds.First().Guid}", done.ReadOutputAs<string>());
    }

    private static void RegisterApproval(DurableTaskRegistry r) => r
        .AddOrchestrator<string, string>("Approval", async (ctx, _) =>
        {
            try
            {
                return "approved:" + await ctx.WaitForExternalEvent<string>("approve", TimeSpan.FromHours(1));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        });
}
