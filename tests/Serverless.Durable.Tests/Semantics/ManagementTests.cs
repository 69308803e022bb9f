using System.Collections.Concurrent;
using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class ManagementTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Scheduling_the_same_instance_id_while_it_runs_starts_no_second_execution()
    {
        await using var host = await this.StartAsync(RegisterWaiter);

        string first = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "first", new("same-id"));
        await host.WaitForIdleAsync();
        string second = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "second", new("same-id"));
        await host.WaitForIdleAsync();

        Assert.Equal(first, second);
        Assert.Single((await host.HistoryAsync("same-id")).OfType<ExecutionStartedEvent>());
        await host.Client.RaiseEventAsync("same-id", "go", "!");
        Assert.Equal("first!", (await host.CompletionAsync("same-id")).ReadOutputAs<string>());

        // Once finished, the id may be used again: a new execution with the new input.
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "third", new("same-id"));
        await host.Client.WaitForInstanceStartAsync("same-id", cancellation: host.Timeout);
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync("same-id", "go", "?");
        Assert.Equal("third?", (await host.CompletionAsync("same-id")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Wait_for_start_returns_once_a_scheduled_start_is_due_and_wait_for_completion_once_finished()
    {
        await using var host = await this.StartAsync(RegisterWaiter);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "later", new(StartAt: host.Clock.GetUtcNow().AddHours(2)));
        Task<Client.OrchestrationMetadata> started = host.Client.WaitForInstanceStartAsync(id, cancellation: host.Timeout);
        Task<Client.OrchestrationMetadata> completed = host.Client.WaitForInstanceCompletionAsync(id, true, host.Timeout);
        await host.WaitForIdleAsync();

        Assert.False(started.IsCompleted);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await started).RuntimeStatus);
        Assert.False(completed.IsCompleted);

        await host.Client.RaiseEventAsync(id, "go", ".");
        Assert.Equal("later.", (await completed).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_suspended_instance_buffers_its_messages_and_continues_on_resume()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Double", (_, x) => Task.FromResult(x * 2))
            .AddOrchestrator<string, int>("Suspendable", async (ctx, _) =>
                await ctx.CallActivityAsync<int>("Double", await ctx.WaitForExternalEvent<int>("n"))));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Suspendable");
        await host.WaitForIdleAsync();
        await host.Client.SuspendInstanceAsync(id, "maintenance");
        await host.WaitForIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.RaiseEventAsync(id, "n", 21);
        await host.WaitForIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Empty((await host.HistoryAsync(id)).OfType<TaskScheduledEvent>());

        await host.Client.ResumeInstanceAsync(id, "done");
        Assert.Equal(42, (await host.CompletionAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_terminated_instance_stops_scheduling_work()
    {
        var ticks = new ConcurrentQueue<int>();
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Tick", (_, i) =>
            {
                ticks.Enqueue(i);
                return Task.FromResult(i);
            })
            .AddOrchestrator<string, string>("Ticker", async (ctx, _) =>
            {
                for (int i = 0; ; i++)
                {
                    await ctx.CallActivityAsync<int>("Tick", i);
                    await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                }
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Ticker");
        await host.WaitForIdleAsync();
        await host.Client.TerminateInstanceAsync(id, "stopped by operator");
        var done = await host.CompletionAsync(id);
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("stopped by operator", done.ReadOutputAs<string>());
        Assert.Equal([0], ticks);
        var history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.IsType<ExecutionCompletedEvent>(history[^1]);
    }

    [Fact]
    public async Task A_purged_instance_stays_purged_when_its_scheduled_start_arrives_later()
    {
        int runs = 0;
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Count", (_, x) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(x);
            })
            .AddOrchestrator<int, int>("Later", (ctx, x) => ctx.CallActivityAsync<int>("Count", x)));

        // The start message waits in a queue until it is due; terminate and purge happen before that.
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Later", 1, new("purged-early", host.Clock.GetUtcNow().AddHours(1)));
        await host.WaitForIdleAsync();
        await host.Client.TerminateInstanceAsync(id, "not wanted");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.WaitForInstanceCompletionAsync(id, false, host.Timeout)).RuntimeStatus);
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);

        await host.AdvanceAsync(TimeSpan.FromHours(2));
        await host.WaitForIdleAsync();

        Assert.Null(await host.Client.GetInstanceAsync(id));
        Assert.Empty(await host.HistoryAsync(id));
        Assert.Equal(0, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task Purge_deletes_finished_instances_by_id_and_by_filter_and_never_running_ones()
    {
        await using var host = await this.StartAsync(RegisterWaiter);
        DateTimeOffset early = host.Clock.GetUtcNow();
        foreach (string id in new[] { "p-1", "p-2" })
        {
            await this.FinishAsync(host, id);
        }

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        await this.FinishAsync(host, "p-3");
        await this.FinishAsync(host, "p-4");
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new("p-running"));
        await host.WaitForIdleAsync();

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync("p-1")).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("p-1"));
        Assert.Empty(await host.HistoryAsync("p-1"));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync("p-running")).PurgedInstanceCount);
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync("p-unknown")).PurgedInstanceCount);

        Assert.Equal(1, (await host.Client.PurgeAllInstancesAsync(new(CreatedTo: early))).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("p-2"));
        Assert.NotNull(await host.Client.GetInstanceAsync("p-3"));

        Assert.Equal(2, (await host.Client.PurgeAllInstancesAsync(new(Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Running]))).PurgedInstanceCount);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("p-running"))!.RuntimeStatus);
    }

    private async Task FinishAsync(DurableTestHost host, string id)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", id, new(id));
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "go", "!");
        await host.CompletionAsync(id);
    }

    private static void RegisterWaiter(DurableTaskRegistry r) => r
        .AddOrchestrator<string, string>("Waiter", async (ctx, input) => input + await ctx.WaitForExternalEvent<string>("go"));
}
