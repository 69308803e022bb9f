using System.Globalization;
using Serverless.Bench.App;
using Serverless.Bench.Engine;
using Serverless.Bench.Measurement;
using Serverless.Bench.Storage;
using Serverless.Durable.Worker;

namespace Serverless.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Serverless.Bench -- storage|engine [--scale 1.0] [--concurrency 16] [--connection "..."] [--backend azure|memory] [--orchestrations 16] [--activities 32]</c>,
/// or <c>-- app [--cases 200] [--concurrency 16] [--seed 5000] [--load 0.5] [--status-callers 4] [--samples 100]</c>.
/// Starts its own in-memory Azurite unless a connection string is given: <c>--emulator one</c> (the default for
/// storage and engine) runs every service in one node process, <c>--emulator apart</c> (the default for app) a node
/// process per service.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>The app suite's default seed size: about half a minute of seeding on Azurite here (about 170 cases/s); <c>--seed 100000</c>, the figure, takes about ten minutes.</summary>
    private const string AppDefaultSeed = "5000";

    public static async Task<int> RunAsync(string[] args)
    {
        var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "storage";
        var scale = double.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency") ?? "16", CultureInfo.InvariantCulture);
        await using var emulator = await BenchEmulator.StartAsync(Option(args, "--connection"), Option(args, "--emulator") ?? (suite == "app" ? "apart" : "one"));
        var connection = emulator.ConnectionString;

        Console.WriteLine($"# Benchmarks ({suite}) — {Environment.ProcessorCount} cores, {concurrency} concurrent callers, scale {scale}, {emulator.Description}");
        switch (suite)
        {
            case "storage":
                var limits = await new RawStorageBenchmark(connection, concurrency, scale).RunAsync();
                Console.WriteLine(ResultTable.Format("Raw Azurite through Serverless.Storage (the limit)", limits.Results));
                return 0;
            case "engine":
                var worker = new DurableTaskWorkerOptions
                {
                    // The engine's defaults (4 and 16) suit a host sharing its cores with an app; the benchmark asks what the engine can do.
                    MaxConcurrentOrchestrations = int.Parse(Option(args, "--orchestrations") ?? "16", CultureInfo.InvariantCulture),
                    MaxConcurrentActivities = int.Parse(Option(args, "--activities") ?? "32", CultureInfo.InvariantCulture),
                };
                return await new EngineBenchmark(connection, EngineBackends.Create(Option(args, "--backend"), connection), worker, concurrency, scale).RunAsync();
            case "app":
                return await new AppBenchmark(
                    connection,
                    int.Parse(Option(args, "--cases") ?? "200", CultureInfo.InvariantCulture),
                    concurrency,
                    int.Parse(Option(args, "--seed") ?? AppDefaultSeed, CultureInfo.InvariantCulture),
                    double.Parse(Option(args, "--load") ?? "0.5", CultureInfo.InvariantCulture),
                    int.Parse(Option(args, "--status-callers") ?? "4", CultureInfo.InvariantCulture),
                    int.Parse(Option(args, "--samples") ?? "100", CultureInfo.InvariantCulture))
                {
                    EmulatorProcessIds = emulator.ProcessIds,
                }.RunAsync();
            default:
                await Console.Error.WriteLineAsync($"Unknown suite '{suite}'. Known: storage, engine, app.");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
