using Microsoft.Extensions.Logging;
using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class ActivityTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Activity_chain_passes_each_result_to_the_next_call()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Increment", (_, x) => Task.FromResult(x + 1))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                for (int i = 0; i < 10; i++)
                {
                    x = await ctx.CallActivityAsync<int>("Increment", x);
                }

                return x;
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(15, done.ReadOutputAs<int>());
        Assert.Equal(10, (await host.HistoryAsync(id)).OfType<TaskCompletedEvent>().Count());
    }

    [Fact]
    public async Task Fan_out_fan_in_of_1000_activities_completes_with_every_result()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Square", (_, x) => Task.FromResult(x * x))
            .AddOrchestrator<int, long>("FanOut", async (ctx, n) =>
            {
                int[] results = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
                return results.Sum(x => (long)x);
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1000);
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        var history = await host.HistoryAsync(id);
        Assert.Equal(1000, history.OfType<TaskScheduledEvent>().Select(e => e.EventId).Distinct().Count());
        Assert.Equal(1000, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
        Assert.Equal(1000, history.OfType<TaskCompletedEvent>().Count());
    }

    [Fact]
    public async Task Activity_failure_reaches_the_orchestrator_as_TaskFailedException_with_details_and_inner_failure()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Explode", (_, _) => throw new InvalidOperationException("outer problem", new FormatException("inner problem")))
            .AddOrchestrator<string, string[]>("Catches", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("Explode");
                    return [];
                }
                catch (TaskFailedException ex)
                {
                    TaskFailureDetails d = ex.FailureDetails;
                    return
                    [
                        ex.TaskName, ex.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture), d.ErrorType, d.ErrorMessage,
                        (d.StackTrace is not null).ToString(), d.InnerFailure?.ErrorType ?? "none", d.InnerFailure?.ErrorMessage ?? "none",
                        d.IsCausedBy<InvalidOperationException>().ToString(), d.IsCausedBy<SystemException>().ToString(), d.IsCausedBy<FormatException>().ToString(),
                    ];
                }
            })
            .AddOrchestrator<string, string>("DoesNotCatch", async (ctx, _) => await ctx.CallActivityAsync<string>("Explode")));

        var caught = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Catches"));
        Assert.Equal(
            ["Explode", "0", "System.InvalidOperationException", "outer problem", "True", "System.FormatException", "inner problem", "True", "True", "False"],
            caught.ReadOutputAs<string[]>()!);

        var failed = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("DoesNotCatch"));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, failed.FailureDetails!.ErrorType);
        Assert.Equal("System.InvalidOperationException", failed.FailureDetails.InnerFailure!.ErrorType);
        Assert.Equal("System.FormatException", failed.FailureDetails.InnerFailure.InnerFailure!.ErrorType);
    }

    [Fact]
    public async Task Each_activity_call_gets_a_stable_id_of_instance_execution_and_task()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("WhoAmI", (ctx, _) => Task.FromResult(ctx.ActivityId + "|" + ctx.InstanceId + "|" + ctx.Name))
            .AddOrchestrator<string, string[]>("Twice", async (ctx, _) =>
                [await ctx.CallActivityAsync<string>("WhoAmI"), await ctx.CallActivityAsync<string>("WhoAmI")]));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Twice", options: new("stable-ids"));
        string[] ids = (await host.CompletionAsync(id)).ReadOutputAs<string[]>()!;
        string executionId = (await host.HistoryAsync(id)).OfType<ExecutionStartedEvent>().Single().ExecutionId;

        Assert.Equal($"stable-ids:{executionId}:0|stable-ids|WhoAmI", ids[0]);
        Assert.Equal($"stable-ids:{executionId}:1|stable-ids|WhoAmI", ids[1]);
    }

    [Fact]
    public async Task Replay_safe_logger_writes_each_line_once_across_replays()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<int, int>("Identity", (_, x) => Task.FromResult(x))
            .AddOrchestrator<string, int>("Logs", async (ctx, _) =>
            {
                var logger = ctx.CreateReplaySafeLogger("Orchestrations.Logs");
                int total = 0;
                for (int i = 0; i < 3; i++)
                {
#pragma warning disable CA1848, CA2254 // A test of the logger itself, not production logging.
                    logger.LogInformation($"before call {i}");
#pragma warning restore CA1848, CA2254
                    total += await ctx.CallActivityAsync<int>("Identity", i);
                }

                return total;
            }));

        await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Logs"));

        var lines = host.Log.Entries.Where(e => e.Category == "Orchestrations.Logs").Select(e => e.Message);
        Assert.Equal(["before call 0", "before call 1", "before call 2"], lines);
    }

    [Fact]
    public async Task Calling_an_unregistered_activity_fails_the_call()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, string>("CallsNothing", async (ctx, _) => await ctx.CallActivityAsync<string>("Missing")));

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("CallsNothing"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("Serverless.Durable.ActivityNotFound", done.FailureDetails!.InnerFailure!.ErrorType);
    }
}
