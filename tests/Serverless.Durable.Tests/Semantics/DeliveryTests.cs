using System.Collections.Concurrent;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class DeliveryTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Duplicate_messages_never_produce_a_second_history_event()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Echo", (_, s) => Task.FromResult(s!))
            .AddOrchestrator<string, string>("TwoTicks", async (ctx, _) =>
            {
                string echoed = await ctx.CallActivityAsync<string>("Echo", "once");
                int a = await ctx.WaitForExternalEvent<int>("tick");
                int b = await ctx.WaitForExternalEvent<int>("tick");
                return $"{echoed}:{a}:{b}";
            }));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("TwoTicks", options: new("dupes"));
        await host.WaitForIdleAsync();
        var history = await host.HistoryAsync(id);
        string executionId = history.OfType<ExecutionStartedEvent>().Single().ExecutionId;
        TaskCompletedEvent completed = history.OfType<TaskCompletedEvent>().Single();

        // The same activity result and the same event message, delivered again (as after a crash before acknowledging).
        await host.Backend.SendMessageAsync(new TaskMessage("redelivered-result", id, executionId, completed), host.Timeout);
        var tick = new TaskMessage("tick-1", id, null, new EventRaisedEvent(host.Clock.GetUtcNow(), "tick", "1", "tick-1"));
        await host.Backend.SendMessageAsync(tick, host.Timeout);
        await host.WaitForIdleAsync();
        await host.Backend.SendMessageAsync(tick, host.Timeout);
        await host.WaitForIdleAsync();

        history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<TaskCompletedEvent>());
        Assert.Single(history.OfType<EventRaisedEvent>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.RaiseEventAsync(id, "tick", 2);
        Assert.Equal("once:1:2", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Redelivery_after_a_crash_between_commit_and_acknowledgement_is_ignored()
    {
        var redelivered = new ConcurrentDictionary<string, bool>();
        await using var host = await this.StartAsync(
            RegisterChain,
            decorate: inner => new InterceptingBackend(inner)
            {
                // Every commit lands, and then every message of the step comes back once, as if its deletion was lost.
                OnCompleteOrchestration = async (workItem, commit, complete) =>
                {
                    await complete();
                    foreach (TaskMessage message in workItem.Messages.Where(m => redelivered.TryAdd(m.MessageId, true)))
                    {
                        await inner.SendMessageAsync(message with { VisibleAt = null }, CancellationToken.None);
                    }
                },
            });

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chain", options: new("redelivered"));
        var done = await host.CompletionAsync(id);
        await host.WaitForIdleAsync();

        Assert.Equal("abc", done.ReadOutputAs<string>());
        var history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Equal(3, history.OfType<TaskScheduledEvent>().Count());
        Assert.Equal(3, history.OfType<TaskCompletedEvent>().Count());
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.Equal(4, redelivered.Count); // the start and three activity results, each delivered twice
    }

    [Fact]
    public async Task An_activity_whose_worker_crashed_runs_again_with_the_same_activity_id()
    {
        var runs = new ConcurrentQueue<string>();
        int crashes = 0;
        await using var host = await this.StartAsync(
            r => r
                .AddActivity<string, string>("Charge", (ctx, _) =>
                {
                    runs.Enqueue(ctx.ActivityId);
                    return Task.FromResult("charged");
                })
                .AddOrchestrator<string, string>("Pay", async (ctx, _) => await ctx.CallActivityAsync<string>("Charge")),
            decorate: inner => new InterceptingBackend(inner)
            {
                // The first run "crashes" after doing its work: nothing is reported, the call is redelivered.
                OnCompleteActivity = (workItem, result, complete) =>
                    Interlocked.Increment(ref crashes) == 1 ? inner.AbandonActivityWorkItemAsync(workItem, CancellationToken.None) : complete(),
            });

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Pay");

        Assert.Equal("charged", (await host.CompletionAsync(id)).ReadOutputAs<string>());
        Assert.Equal(2, runs.Count);
        Assert.Single(runs.Distinct());
        Assert.Single((await host.HistoryAsync(id)).OfType<TaskCompletedEvent>());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_moved_to_the_poison_store_and_fails_its_instance()
    {
        await using var host = await this.StartAsync(
            r => r.AddOrchestrator<string, string>("Doomed", (_, _) => Task.FromResult("never committed")),
            worker: o =>
            {
                o.MaxDequeueCount = 3;
                o.AbandonRetryDelay = TimeSpan.Zero;
            },
            decorate: inner => new InterceptingBackend(inner)
            {
                // Every ordinary commit of this instance fails, as a bug or an unreachable store would make it.
                OnCompleteOrchestration = (workItem, commit, complete) =>
                    workItem.InstanceId == "doomed" && commit.PoisonMessages.Count == 0
                        ? throw new InvalidOperationException("storage exploded")
                        : complete(),
            });

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Doomed", options: new("doomed"));
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("Serverless.Durable.PoisonMessage", done.FailureDetails!.ErrorType);
        Assert.Contains("dequeued 4 times", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        TaskMessage poisoned = Assert.Single(await host.TestBackend.GetPoisonMessagesAsync(host.Timeout));
        Assert.IsType<ExecutionStartedEvent>(poisoned.Event);
        Assert.True(host.Log.Contains(13, "doomed"));
    }

    [Fact]
    public async Task A_sub_orchestration_reusing_a_running_instance_id_fails_the_call_instead_of_hanging()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, string>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<string>("never"))
            .AddOrchestrator<string, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Waiter", options: new SubOrchestrationOptions("busy"));
                }
                catch (SubOrchestrationFailedException ex)
                {
                    return ex.FailureDetails.ErrorType;
                }
            }));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new("busy"));
        await host.WaitForIdleAsync();

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent"));

        Assert.Equal("Serverless.Durable.InstanceAlreadyRunning", done.ReadOutputAs<string>());
        Assert.Single((await host.HistoryAsync("busy")).OfType<ExecutionStartedEvent>());
    }

    private static void RegisterChain(DurableTaskRegistry r) => r
        .AddActivity<string, string>("Append", (_, s) => Task.FromResult(s + (char)('a' + s!.Length)))
        .AddOrchestrator<string, string>("Chain", async (ctx, _) =>
        {
            string s = string.Empty;
            for (int i = 0; i < 3; i++)
            {
                s = await ctx.CallActivityAsync<string>("Append", s);
            }

            return s;
        });
}
