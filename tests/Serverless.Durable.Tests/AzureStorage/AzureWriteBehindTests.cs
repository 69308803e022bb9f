using Azure;
using Serverless.Durable.AzureStorage;
using Serverless.Durable.Backend;
using Serverless.Durable.Client;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;
using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>
/// Write-behind (MergeSteps, the default): steps of an instance that run while its row write is under way go together in
/// the next write. A test hook holds (or fails) an instance's row write, so what runs meanwhile is decided without timing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureWriteBehindTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Id = "merged";

    [Fact]
    public async Task Steps_that_run_while_a_write_is_held_go_in_one_write_and_the_history_is_complete_and_in_order()
    {
        var writes = new WriteGate(hold: 2);
        await using DurableTestHost host = await StartAsync(writes);
        using WriteGate opened = writes;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", 0, new StartOrchestrationOptions(Id));

        // Step 1 (first outcome) is being written, with the steps that ran before the write started (on a busy machine the
        // start's write can take long enough for several); the next steps run on its speculative state and step 5
        // (completion) waits: five steps in the held write or queued behind it.
        await writes.HeldAsync(host.Timeout);
        await WaitUntilAsync(() => writes.HeldSteps + Backend(host).QueuedSteps(Id) == 5, host.Timeout);
        int held = writes.HeldSteps;
        int queued = Backend(host).QueuedSteps(Id);
        await using (AzureStorageOrchestrationBackend reader = this.Reader(host))
        {
            // Not observable before it lands: another process reads the first write's state (started, first call scheduled).
            OrchestrationState? seen = await reader.GetStateAsync(Id, false, host.Timeout);
            Assert.Equal(OrchestrationRuntimeStatus.Running, seen!.Status);
            Assert.Single((await reader.GetHistoryAsync(Id, host.Timeout)).OfType<TaskScheduledEvent>());
        }

        writes.Release();

        Assert.Equal(5, (await host.CompletionAsync(Id)).ReadOutputAs<int>());
        // The start, the held write, and one write carrying every step that ran while it was held (none when all five
        // had run before the held write started).
        Assert.Equal(queued > 0 ? [1, held, queued] : [1, held], writes.StepsPerWrite(Id));
        AssertSequenceHistory(await host.HistoryAsync(Id), 5);
    }

    [Fact]
    public async Task Speculative_steps_wait_for_the_next_while_a_call_runs_so_a_sequence_costs_two_row_writes()
    {
        var writes = new WriteGate(hold: 0);

        // A delay no step of this test comes near (it only bounds how long speculative progress may stay unwritten).
        await using DurableTestHost host = await StartAsync(writes, mergeDelay: TimeSpan.FromSeconds(10));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", 0, new StartOrchestrationOptions(Id));

        Assert.Equal(5, (await host.CompletionAsync(Id)).ReadOutputAs<int>());

        // The start (a status change) is written alone; the four steps in between wait for the completion and go with it.
        Assert.Equal([1, 5], writes.StepsPerWrite(Id));
        AssertSequenceHistory(await host.HistoryAsync(Id), 5);
    }

    [Fact]
    public async Task A_held_write_whose_partition_another_backend_took_is_dropped_and_the_new_owner_completes_the_instance()
    {
        var writes = new WriteGate(hold: 2);
        await using DurableTestHost first = await StartAsync(writes);
        using WriteGate opened = writes;
        string hub = ((AzureStorageTestBackend)first.TestBackend).HubName;
        await first.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", 0, new StartOrchestrationOptions(Id));
        await writes.HeldAsync(first.Timeout);
        await WaitUntilAsync(() => writes.HeldSteps + Backend(first).QueuedSteps(Id) == 5, first.Timeout);

        // The first owner stalls in its write; its lease is broken and a second process takes the partition over,
        // recovers the call the last landed write left unanswered, and commits past the held write.
        await new BlobContainerClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-leases").GetBlobClient("control-00").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await using DurableTestHost second = await StartAsync(new WriteGate(hold: 0), hub);
        await WaitUntilAsync(async () => (await second.HistoryAsync(Id)).OfType<TaskCompletedEvent>().Any(), second.Timeout);

        // The held write now loses its ETag: nothing of it or of the steps queued behind it lands.
        writes.Release();

        Assert.Equal(5, (await second.CompletionAsync(Id)).ReadOutputAs<int>());
        Assert.Equal([1], writes.StepsPerWrite(Id).Take(1));
        AssertSequenceHistory(await second.HistoryAsync(Id), 5);
    }

    [Fact]
    public async Task A_write_that_fails_drops_the_queued_steps_and_the_instance_is_recovered_from_its_row()
    {
        var writes = new WriteGate(hold: 2, fail: true);
        int runs = 0;
        await using DurableTestHost host = await StartAsync(writes, onRun: () => Interlocked.Increment(ref runs));
        using WriteGate opened = writes;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", 0, new StartOrchestrationOptions(Id));
        await writes.HeldAsync(host.Timeout);
        await WaitUntilAsync(() => writes.HeldSteps + Backend(host).QueuedSteps(Id) == 5, host.Timeout);

        writes.Release();

        Assert.Equal(5, (await host.CompletionAsync(Id)).ReadOutputAs<int>());
        AssertSequenceHistory(await host.HistoryAsync(Id), 5);

        // The dropped steps' calls ran again: the first from the row's unanswered call, the rest as the instance re-scheduled them.
        Assert.True(runs >= 10, $"{runs} runs");
    }

    [Fact]
    public async Task A_steps_sub_orchestration_start_is_sent_only_after_the_write_that_covers_it_lands()
    {
        var writes = new WriteGate(hold: 2);
        await using DurableTestHost host = await StartAsync(writes);
        using WriteGate opened = writes;
        string hub = ((AzureStorageTestBackend)host.TestBackend).HubName;
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 0, new StartOrchestrationOptions(Id));

        // Step 1 (first outcome, schedules the second call) is held; step 2 (second outcome, starts the child) is in the held
        // write too or queued behind it, and waits either way.
        await writes.HeldAsync(host.Timeout);
        await WaitUntilAsync(() => writes.HeldSteps + Backend(host).QueuedSteps(Id) == 2, host.Timeout);
        var control = new QueueClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-control-00");
        Assert.Empty((await control.PeekMessagesAsync(32, host.Timeout)).Value);
        await using (AzureStorageOrchestrationBackend reader = this.Reader(host))
        {
            Assert.Null(await reader.GetStateAsync("child", false, host.Timeout));
        }

        writes.Release();

        Assert.Equal(12, (await host.CompletionAsync(Id)).ReadOutputAs<int>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Backend.GetStateAsync("child", false, host.Timeout))!.Status);
        Assert.Equal(4, writes.StepsPerWrite(Id).Sum());
    }

    private static AzureStorageOrchestrationBackend Backend(DurableTestHost host) => ((AzureStorageTestBackend)host.TestBackend).AzureBackend;

    /// <summary>Another process's view of the hub: a client-only backend (it never takes a lease, and leaves the hub in place).</summary>
    private AzureStorageOrchestrationBackend Reader(DurableTestHost host) => new(azurite.ConnectionString, Backend(host).HubName);

    /// <remarks>
    /// Writes start as soon as a step is queued (<c>MaxMergeDelay</c> zero) unless <paramref name="mergeDelay"/> says
    /// otherwise: the held write is then the second step's, and the steps after it merge while it is held.
    /// </remarks>
    private async Task<DurableTestHost> StartAsync(WriteGate writes, string? hub = null, Action? onRun = null, TimeSpan? mergeDelay = null)
    {
        var clock = new ManualTimeProvider();
        var test = new AzureStorageTestBackend(azurite, clock, new TestLog(output), o =>
        {
            o.PartitionCount = 1;
            o.MaxMergeDelay = mergeDelay ?? TimeSpan.Zero;
        }, hub);
        test.AzureBackend.BeforeMergedWrite = writes.BeforeWriteAsync;
        return await DurableTestHost.StartAsync(test, clock, new TestLog(output), r => r
            .AddActivity<int, int>("Add", (_, x) =>
            {
                onRun?.Invoke();
                return Task.FromResult(x + 1);
            })
            .AddOrchestrator<int, int>("Sequence", async (ctx, x) =>
            {
                for (int i = 0; i < 5; i++)
                {
                    x = await ctx.CallActivityAsync<int>("Add", x);
                }

                return x;
            })
            .AddOrchestrator<int, int>("Child", (ctx, x) => Task.FromResult(x * 4))
            .AddOrchestrator<int, int>("Parent", async (ctx, x) =>
            {
                x = await ctx.CallActivityAsync<int>("Add", x);
                x = await ctx.CallActivityAsync<int>("Add", x);
                return await ctx.CallSubOrchestratorAsync<int>("Child", x + 1, new SubOrchestrationOptions("child"));
            }));
    }

    /// <summary>Started, then per call a scheduled and a completed event with ids 0, 1, …, then completed: nothing lost, repeated or out of order.</summary>
    private static void AssertSequenceHistory(IReadOnlyList<HistoryEvent> all, int calls)
    {
        List<HistoryEvent> history = [.. all.Where(e => e is not OrchestratorStartedEvent)];
        Assert.IsType<ExecutionStartedEvent>(history[0]);
        Assert.IsType<ExecutionCompletedEvent>(history[^1]);
        List<HistoryEvent> middle = [.. history.Skip(1).Take(history.Count - 2)];
        Assert.Equal(calls * 2, middle.Count);
        for (int i = 0; i < calls; i++)
        {
            Assert.Equal(i, Assert.IsType<TaskScheduledEvent>(middle[2 * i]).EventId);
            Assert.Equal(i, Assert.IsType<TaskCompletedEvent>(middle[(2 * i) + 1]).TaskScheduledId);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken) =>
        await WaitUntilAsync(() => Task.FromResult(condition()), cancellationToken);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    /// <summary>The backend's test hook: counts each instance's write-behind writes and holds (then lets through or fails) the n-th.</summary>
    /// <remarks>Disposing it lets a held write through, so a failing test does not leave its host's stop waiting for it.</remarks>
    private sealed class WriteGate(int hold, bool fail = false) : IDisposable
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(string Instance, int Steps)> writes = [];

        public Task HeldAsync(CancellationToken cancellationToken) => this.held.Task.WaitAsync(cancellationToken);

        /// <summary>How many steps the held write carries (0 until it is held).</summary>
        public int HeldSteps { get; private set; }

        public void Release() => this.released.TrySetResult();

        public void Dispose() => this.Release();

        public List<int> StepsPerWrite(string instanceId)
        {
            lock (this.writes)
            {
                return [.. this.writes.Where(w => w.Instance == instanceId).Select(w => w.Steps)];
            }
        }

        public async Task BeforeWriteAsync(string instanceId, int steps)
        {
            int count;
            lock (this.writes)
            {
                this.writes.Add((instanceId, steps));
                count = this.writes.Count(w => w.Instance == instanceId);
            }

            if (instanceId != Id || count != hold)
            {
                return;
            }

            this.HeldSteps = steps;
            this.held.TrySetResult();
            await this.released.Task;
            if (fail)
            {
                throw new RequestFailedException(500, "Injected: the write failed after its retries.");
            }
        }
    }
}
