using Serverless.Bench.Measurement;
using Serverless.Bench.Storage;
using Serverless.Durable.Worker;

namespace Serverless.Bench.Engine;

/// <summary>
/// The <c>engine</c> suite: the raw Azurite figures first (scaled down, same run, same Azurite), then the engine
/// scenarios of the issue, then the targets.
/// </summary>
internal sealed class EngineBenchmark(string connectionString, IEngineBackendFactory factory, DurableTaskWorkerOptions workerOptions, int concurrency, double scale)
{
    /// <summary>The raw suite's share of the run: enough samples for a stable rate, a fraction of the engine's time.</summary>
    private const double RawScale = 0.25;

    public async Task<int> RunAsync()
    {
        RawStorageLimits? raw = null;
        if (factory.Name != "memory" && Environment.GetEnvironmentVariable("BENCH_ONLY") is null)
        {
            raw = await new RawStorageBenchmark(connectionString, concurrency, scale * RawScale).RunAsync();
            Console.WriteLine(ResultTable.Format("Raw Azurite through Serverless.Storage (the limit, this run)", raw.Results));
        }

        Console.WriteLine($"Engine worker: {workerOptions.MaxConcurrentOrchestrations} concurrent orchestration steps, {workerOptions.MaxConcurrentActivities} concurrent activities.");
        var log = new WarningLog();
        var scenarios = new EngineScenarios(factory, workerOptions, log, concurrency, TimeSpan.FromMinutes(10));
        var results = new List<EngineResult>();
        // BENCH_ONLY=<comma-separated 1-based scenario numbers> runs those scenarios alone (for profiling one of them).
        string? only = Environment.GetEnvironmentVariable("BENCH_ONLY");
        int index = 0;
        async Task Run(Func<Task<EngineResult>> scenario)
        {
            index++;
            if (only is not null && !only.Split(',').Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                return;
            }

            EngineResult result = await scenario();
            Console.WriteLine($"  done: {result.Name} in {result.Elapsed.TotalSeconds:0.0} s");
            results.Add(result);
        }

        await Run(() => scenarios.SequenceAsync(EngineTargets.Chain100, 1, Scaled(100)));
        await Run(() => scenarios.SequenceAsync(EngineTargets.SteadyState, Scaled(100), 10));
        await Run(() => scenarios.FanOutAsync("5 × fan-out/in of 100", Math.Max(1, Scaled(5)), 100));
        await Run(() => scenarios.FanOutAsync(EngineTargets.FanOut1000, 1, Scaled(1000)));
        await Run(() => scenarios.SequenceAsync(EngineTargets.Sequence1000, Scaled(1000), 5));
        await Run(() => scenarios.EventRoundTripAsync(EngineTargets.EventRoundTrip, Scaled(200), 4));

        Console.WriteLine();
        Console.WriteLine(EngineTable.Format($"Engine on the {factory.Name} backend", results, raw));
        Console.WriteLine(EngineTargets.Format(results, scale));
        Console.WriteLine($"Engine warnings and errors logged: {log.Count}");
        return 0;
    }

    private int Scaled(int n) => Math.Max(1, (int)(n * scale));
}
