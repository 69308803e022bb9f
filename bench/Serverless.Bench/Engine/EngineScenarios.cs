using System.Diagnostics;
using Serverless.Bench.Measurement;
using Serverless.Durable.Client;
using Serverless.Durable.Worker;

namespace Serverless.Bench.Engine;

/// <summary>
/// Runs each scenario on a fresh task hub with a warmed-up worker (leases taken, code jitted), counting only what
/// happens between the first start request and the last completion.
/// </summary>
internal sealed class EngineScenarios(IEngineBackendFactory factory, DurableTaskWorkerOptions workerOptions, WarningLog log, int concurrency, TimeSpan giveUpAfter)
{
    private int hubs;

    /// <summary><paramref name="instances"/> instances, each calling <paramref name="length"/> activities one after another.</summary>
    public Task<EngineResult> SequenceAsync(string name, int instances, int length) =>
        this.RunInstancesAsync(name, BenchTasks.Sequence, instances, length, length);

    /// <summary><paramref name="instances"/> instances, each fanning out <paramref name="width"/> activities and waiting for all.</summary>
    public Task<EngineResult> FanOutAsync(string name, int instances, int width) =>
        this.RunInstancesAsync(name, BenchTasks.FanOut, instances, width, width);

    /// <summary>
    /// <paramref name="parallel"/> instances wait for an event, call an activity, and wait again. Latency is from the
    /// raise request to the activity starting; the next event is raised only once the instance is waiting again.
    /// </summary>
    public async Task<EngineResult> EventRoundTripAsync(string name, int rounds, int parallel)
    {
        int perInstance = Math.Max(1, rounds / parallel);
        var tasks = new BenchTasks();
        await using EngineHost host = await this.StartHostAsync(tasks);
        string[] ids = [.. Enumerable.Range(0, parallel).Select(i => $"pingpong{i:D3}")];
        foreach (string id in ids)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.PingPong, perInstance, new StartOrchestrationOptions(id));
        }

        using var giveUp = new CancellationTokenSource(giveUpAfter);
        await Task.WhenAll(ids.Select(id => WaitForCommitsAsync(host.Observed, id, 1, giveUp.Token)));
        var recorder = new LatencyRecorder(perInstance * parallel);
        Snapshot before = Snapshot.Take(host);
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(ids.Select(async id =>
        {
            for (int round = 0; round < perInstance; round++)
            {
                int commits = host.Observed.CommitCount(id);
                long raised = Stopwatch.GetTimestamp();
                await host.Client.RaiseEventAsync(id, BenchTasks.Ping, round, giveUp.Token);
                long started = await tasks.PongStart(id, round).Task.WaitAsync(giveUp.Token);
                recorder.Record(started - raised);

                // The event's step and the activity result's step: then the instance waits for the next event.
                await WaitForCommitsAsync(host.Observed, id, commits + 2, giveUp.Token);
            }
        }));
        return before.Result(name, host, parallel, perInstance * parallel, Stopwatch.GetElapsedTime(start), recorder);
    }

    private async Task<EngineResult> RunInstancesAsync(string name, string orchestrator, int instances, int input, int activitiesPerInstance)
    {
        await using EngineHost host = await this.StartHostAsync(new BenchTasks());
        await using EngineTrace? trace = EngineTrace.Start(host, factory);
        using var giveUp = new CancellationTokenSource(giveUpAfter);
        var recorder = new LatencyRecorder(instances);
        var completions = new Task[instances];
        int next = -1;
        Snapshot before = Snapshot.Take(host);
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, instances)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < instances)
            {
                string id = $"i{i:D6}";
                Task<long> completed = host.Observed.CompletedAsync(id);
                long scheduled = Stopwatch.GetTimestamp();
                await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(id), giveUp.Token);
                completions[i] = completed.ContinueWith(t => recorder.Record(t.Result - scheduled), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }));
        await Task.WhenAll(completions).WaitAsync(giveUp.Token);
        return before.Result(name, host, instances, instances * activitiesPerInstance, Stopwatch.GetElapsedTime(start), recorder);
    }

    private async Task<EngineHost> StartHostAsync(BenchTasks tasks)
    {
        string hub = $"bench{Environment.ProcessId % 10000}x{Interlocked.Increment(ref this.hubs)}";
        EngineHost host = await EngineHost.StartAsync(factory, hub, workerOptions, log, tasks.Register, CancellationToken.None);

        // One short instance first: the worker takes its partitions and the code paths are jitted before timing starts.
        using var giveUp = new CancellationTokenSource(giveUpAfter);
        Task<long> warm = host.Observed.CompletedAsync("warmup");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.Sequence, 2, new StartOrchestrationOptions("warmup"), giveUp.Token);
        await warm.WaitAsync(giveUp.Token);
        return host;
    }

    private static async Task WaitForCommitsAsync(ObservedBackend observed, string instanceId, int count, CancellationToken cancellationToken)
    {
        // In-process polling of a counter: no storage requests, and a millisecond is far below what is measured.
        while (observed.CommitCount(instanceId) < count)
        {
            await Task.Delay(1, cancellationToken);
        }
    }

    private sealed record Snapshot(long Worker, long Client, IReadOnlyDictionary<string, long> Kinds)
    {
        public static Snapshot Take(EngineHost host) => new(host.WorkerLedger.Total, host.ClientLedger.Total, host.WorkerLedger.Snapshot());

        public EngineResult Result(string name, EngineHost host, int instances, int activities, TimeSpan elapsed, LatencyRecorder latencies)
        {
            Snapshot after = Take(host);
            var kinds = after.Kinds.ToDictionary(p => p.Key, p => p.Value - this.Kinds.GetValueOrDefault(p.Key), StringComparer.Ordinal);
            return new EngineResult(name, instances, activities, elapsed, latencies.PercentileMs(50), latencies.PercentileMs(99), after.Worker - this.Worker, after.Client - this.Client, kinds);
        }
    }
}
