using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class ExternalEventTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Events_raised_before_the_orchestrator_waits_are_buffered_in_order_per_name()
    {
        await using var host = await this.StartAsync(RegisterCollector);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collector");
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "n", 1);
        await host.Client.RaiseEventAsync(id, "other", "o");
        await host.Client.RaiseEventAsync(id, "n", 2);
        await host.Client.RaiseEventAsync(id, "N", 3);
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "go");

        Assert.Equal("1,2,3,o", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Events_raised_before_a_scheduled_start_are_delivered_after_it()
    {
        await using var host = await this.StartAsync(RegisterCollector);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collector", options: new(StartAt: host.Clock.GetUtcNow().AddHours(1)));
        await host.Client.RaiseEventAsync(id, "n", 1);
        await host.Client.RaiseEventAsync(id, "go");
        await host.Client.RaiseEventAsync(id, "n", 2);
        await host.Client.RaiseEventAsync(id, "other", "o");
        await host.Client.RaiseEventAsync(id, "n", 3);
        await host.WaitForIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("1,2,3,o", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Events_to_an_unknown_instance_are_dropped_with_a_log_line()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x!)));

        await host.Client.RaiseEventAsync("nobody-home", "hello", 1);
        await host.WaitForIdleAsync();

        Assert.True(host.Log.Contains(10, "nobody-home"));
        Assert.Null(await host.Client.GetInstanceAsync("nobody-home"));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "still working");
        Assert.Equal("still working", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Events_to_a_finished_instance_are_dropped_with_a_log_line()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult(x!)));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "done", new("finished-one"));
        await host.CompletionAsync(id);
        int before = (await host.HistoryAsync(id)).Count;

        await host.Client.RaiseEventAsync(id, "late", 1);
        await host.WaitForIdleAsync();

        Assert.True(host.Log.Contains(10, "finished-one"));
        Assert.Equal(before, (await host.HistoryAsync(id)).Count);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task Custom_status_is_visible_to_clients_while_running_and_after()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, string>("Stages", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new Stage("waiting", 1));
                await ctx.WaitForExternalEvent<string>("go");
                ctx.SetCustomStatus(new Stage("done", 2));
                return "ok";
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Stages");
        await host.WaitForIdleAsync();
        Assert.Equal(new Stage("waiting", 1), (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadCustomStatusAs<Stage>());

        await host.Client.RaiseEventAsync(id, "go");
        Assert.Equal(new Stage("done", 2), (await host.CompletionAsync(id)).ReadCustomStatusAs<Stage>());
    }

    private static void RegisterCollector(DurableTaskRegistry r) => r
        .AddOrchestrator<string, string>("Collector", async (ctx, _) =>
        {
            await ctx.WaitForExternalEvent<object>("go");
            int a = await ctx.WaitForExternalEvent<int>("n");
            int b = await ctx.WaitForExternalEvent<int>("n");
            int c = await ctx.WaitForExternalEvent<int>("n");
            string other = await ctx.WaitForExternalEvent<string>("other");
            return $"{a},{b},{c},{other}";
        });

    private sealed record Stage(string Name, int Number);
}
