using Serverless.Durable.Client;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.InMemory;

/// <summary>The commit's crash contract on the in-memory backend: a commit that stopped after its commit point loses nothing.</summary>
public sealed class InMemoryCommitCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_crash_after_the_commit_point_sends_the_outbox_when_the_consumed_message_comes_back()
    {
        int crashes = 0;
        int runs = 0;
        var clock = new ManualTimeProvider();
        var options = new InMemoryBackendOptions
        {
            LockTimeout = LockTimeout,

            // The step that schedules the activity "dies" once, after writing its history but before sending the call.
            CrashAfterCommitPoint = (_, commit) => commit.ActivityMessages.Count > 0 && Interlocked.Increment(ref crashes) == 1,
        };
        await using DurableTestHost host = await DurableTestHost.StartAsync(new InMemoryTestBackend(clock, options), clock, new TestLog(output), r => r
            .AddActivity<int, int>("Increment", (_, x) =>
            {
                Interlocked.Increment(ref runs);
                return Task.FromResult(x + 1);
            })
            .AddOrchestrator<int, int>("Once", (ctx, x) => ctx.CallActivityAsync<int>("Increment", x)));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Once", 41);
        while (Volatile.Read(ref crashes) == 0)
        {
            await Task.Delay(5, host.Timeout);
        }

        // The dead worker's lock expires; the start message comes back as a duplicate, and with it the lost activity call.
        clock.Advance(LockTimeout + TimeSpan.FromSeconds(1));
        OrchestrationMetadata done = await host.CompletionAsync(id);

        Assert.Equal(42, done.ReadOutputAs<int>());
        Assert.Equal(1, Volatile.Read(ref runs));
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.Single(history.OfType<TaskCompletedEvent>());
        Assert.Single(history.OfType<ExecutionStartedEvent>());
    }
}
