using Azure.Core;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureWorkerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_activity_call_that_keeps_failing_is_moved_to_the_poison_queue_and_fails_its_caller(bool inProcess)
    {
        var clock = new ManualTimeProvider();
        int runs = 0;
        await using var host = await DurableTestHost.StartAsync(
            new AzureStorageTestBackend(azurite, clock, new TestLog(output), o => o.RunActivitiesInPartitionOwner = inProcess),
            clock,
            new TestLog(output),
            r => r
                .AddActivity<string, string>("Crashes", (_, _) =>
                {
                    Interlocked.Increment(ref runs);
                    return Task.FromResult("never reported");
                })
                .AddOrchestrator<string, string>("Caller", async (ctx, _) =>
                {
                    try
                    {
                        return await ctx.CallActivityAsync<string>("Crashes");
                    }
                    catch (TaskFailedException ex)
                    {
                        return ex.FailureDetails.InnerFailure?.ErrorType ?? ex.FailureDetails.ErrorType;
                    }
                }),
            worker: o => o.MaxDequeueCount = 2,
            decorate: inner => new InterceptingBackend(inner)
            {
                // The worker "crashes" after every run: nothing is reported and the call comes back, until the engine gives up on it.
                OnCompleteActivity = (workItem, result, complete) =>
                    result.Event is TaskFailedEvent ? complete() : inner.AbandonActivityWorkItemAsync(workItem, CancellationToken.None),
            });

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Caller");

        Assert.Equal("Serverless.Durable.PoisonMessage", (await host.CompletionAsync(id)).ReadOutputAs<string>());
        Assert.Equal(2, runs);
        TaskMessage poisoned = Assert.Single(await host.TestBackend.GetPoisonMessagesAsync(host.Timeout));
        Assert.IsType<TaskScheduledEvent>(poisoned.Event);
        Assert.Equal(3, poisoned.DequeueCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_chain_of_100_activities_costs_at_most_five_storage_requests_per_activity(bool inProcess)
    {
        const int Activities = 100;
        var counter = new StorageRequestCounter();
        var clock = new ManualTimeProvider();
        var test = new AzureStorageTestBackend(azurite, clock, configure: o =>
        {
            o.ConfigureClients = c => c.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            // Idle polls (the other partition's control queue, the completion wait's reads of the instance row) and
            // lease renewals cost requests per second, not per activity: at a 1 s cap they were ~3.5 a second, so a chain
            // slowed to under ~4.5 activities a second on a loaded machine broke the budget without costing more per
            // activity. The chain itself never waits on the cap: every message it sends wakes its poller.
            o.MaxQueuePollingInterval = TimeSpan.FromSeconds(5);
            o.RunActivitiesInPartitionOwner = inProcess;
        });
        await using var host = await DurableTestHost.StartAsync(test, clock, new TestLog(output), r => r
            .AddActivity<int, int>("Increment", (_, x) => Task.FromResult(x + 1))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                for (int i = 0; i < Activities; i++)
                {
                    x = await ctx.CallActivityAsync<int>("Increment", x);
                }

                return x;
            }));

        // Warm up (layout, leases, first reads), then count one whole orchestration.
        await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 0));
        await host.WaitForIdleAsync();
        counter.Reset();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 0));
        double perActivity = (double)counter.Requests / Activities;
        output.WriteLine($"{counter.Requests} storage requests for {Activities} sequential activities: {perActivity:F2} per activity, {Activities / watch.Elapsed.TotalSeconds:F0} activities/s");
        output.WriteLine(counter.Breakdown);

        Assert.Equal(Activities, done.ReadOutputAs<int>());
        Assert.True(perActivity <= (inProcess ? 2 : 5), $"{perActivity:F2} requests per activity");
        Assert.Equal(inProcess, !counter.Breakdown.Contains("workitems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_activity_is_not_run_again_while_it_runs_because_its_hold_on_the_call_is_renewed()
    {
        // The call is renewed once a third of the lock timeout has passed, and the renewal must reach the queue before
        // the timeout runs out: with 3 s that left about 1.5 s, which a stalled thread pool or emulator on a loaded CI
        // machine can exceed, and the call ran twice. 6 s leaves about 3 s.
        var lockTimeout = TimeSpan.FromSeconds(6);
        int runs = 0;
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(
            new AzureStorageTestBackend(azurite, clock, new TestLog(output), o =>
            {
                // Holds are a work-item queue matter: a call handed over in process has no message to reappear.
                o.ActivityLockTimeout = lockTimeout;
                o.RunActivitiesInPartitionOwner = false;
            }),
            clock,
            new TestLog(output),
            r => r
                .AddActivity<int, int>("Slow", async (_, x) =>
                {
                    // Runs for several lock timeouts: without renewal the call would reappear and a second dispatcher would take it.
                    Interlocked.Increment(ref runs);
                    await Task.Delay(lockTimeout * 3);
                    return x + 1;
                })
                .AddOrchestrator<int, int>("OneSlow", (ctx, x) => ctx.CallActivityAsync<int>("Slow", x)));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("OneSlow", 1);

        Assert.Equal(2, (await host.CompletionAsync(id)).ReadOutputAs<int>());
        Assert.Equal(1, Volatile.Read(ref runs));
    }
}
