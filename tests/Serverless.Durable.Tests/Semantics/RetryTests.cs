using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class RetryTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Retry_policy_backs_off_on_durable_timers_until_the_activity_succeeds()
    {
        int attempts = 0;
        var policy = new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2);
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Flaky", (_, _) =>
                Interlocked.Increment(ref attempts) <= 3 ? throw new TimeoutException("not yet") : Task.FromResult("finally"))
            .AddOrchestrator<string, string>("Retries", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Flaky", options: TaskOptions.FromRetryPolicy(policy))));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Retries");
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        await host.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(3, attempts);
        await host.AdvanceAsync(TimeSpan.FromSeconds(40));

        var done = await host.CompletionAsync(id);
        Assert.Equal("finally", done.ReadOutputAs<string>());
        Assert.Equal(4, attempts);
        var timers = (await host.HistoryAsync(id)).OfType<TimerCreatedEvent>().Select(t => t.FireAt - t.Timestamp);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)], timers);
    }

    [Fact]
    public async Task Retry_policy_handler_refuses_failures_it_does_not_handle()
    {
        int attempts = 0;
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.IsCausedBy<ArgumentException>() };
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Invalid", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentOutOfRangeException("x", "never valid");
            })
            .AddOrchestrator<string, string>("Refuses", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Invalid", options: TaskOptions.FromRetryPolicy(policy))));

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Refuses", options: new("refuses")));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("System.ArgumentOutOfRangeException", done.FailureDetails!.InnerFailure!.ErrorType);
        Assert.Equal(1, attempts);
        Assert.Empty((await host.HistoryAsync("refuses")).OfType<TimerCreatedEvent>());
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_number_of_attempts()
    {
        int attempts = 0;
        var policy = new RetryPolicy(3, TimeSpan.FromMinutes(1), maxRetryInterval: TimeSpan.FromMinutes(1));
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Broken", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("always");
            })
            .AddOrchestrator<string, string>("GivesUp", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Broken", options: TaskOptions.FromRetryPolicy(policy))));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("GivesUp");
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));

        var done = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(3, attempts);
    }
}
