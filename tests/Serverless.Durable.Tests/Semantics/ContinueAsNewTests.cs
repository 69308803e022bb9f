using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class ContinueAsNewTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Continue_as_new_restarts_with_new_input_and_a_fresh_history()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Work", (_, x) => Task.FromResult(x))
            .AddOrchestrator<int, int>("Counter", async (ctx, n) =>
            {
                if (n < 5)
                {
                    await ctx.CallActivityAsync<int>("Work", n);
                    ctx.ContinueAsNew(n + 1);
                }

                return n;
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        var done = await host.CompletionAsync(id);

        Assert.Equal(5, done.ReadOutputAs<int>());
        Assert.Equal(5, done.ReadInputAs<int>());
        var history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Empty(history.OfType<TaskScheduledEvent>());
    }

    [Fact]
    public async Task Continue_as_new_carries_unprocessed_events_when_asked()
    {
        await using var host = await this.StartAsync(r => RegisterGenerations(r, preserve: true));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Generations", 0);
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "second", "kept");
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "first");

        Assert.Equal("kept", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Continue_as_new_drops_unprocessed_events_when_not_asked_to_keep_them()
    {
        await using var host = await this.StartAsync(r => RegisterGenerations(r, preserve: false));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Generations", 0);
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "second", "lost");
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "first");
        await host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("nothing", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    private static void RegisterGenerations(DurableTaskRegistry r, bool preserve) => r
        .AddOrchestrator<int, string>("Generations", async (ctx, generation) =>
        {
            if (generation == 0)
            {
                await ctx.WaitForExternalEvent<object>("first");
                ctx.ContinueAsNew(1, preserve);
                return "restarting";
            }

            try
            {
                return await ctx.WaitForExternalEvent<string>("second", TimeSpan.FromHours(1));
            }
            catch (TaskCanceledException)
            {
                return "nothing";
            }
        });
}
