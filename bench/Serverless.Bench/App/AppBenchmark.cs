using System.Diagnostics;
using Emigrate.Data.Cases;
using Emigrate.Domain.Registration;

namespace Serverless.Bench.App;

/// <summary>
/// The <c>app</c> suite: one Emigrate host on Azurite, N cases driven concurrently through the whole process over
/// HTTP with status queries alongside, then the scale check of lists, case reads and SMS STATUS before and after
/// seeding the case tables up to <c>--seed</c> cases.
/// </summary>
internal sealed class AppBenchmark(string connectionString, int cases, int concurrency, int seedTo, int statusCallers, int samples)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    public async Task<int> RunAsync()
    {
        await using AppHost host = await AppHost.StartAsync(connectionString);
        var keys = DemoKeys.Of(host);
        using var client = new AppClient(host.BaseAddress, host.Settings["Sms:WebhookSecret"] ?? throw new InvalidOperationException("The sample settings have no Sms:WebhookSecret."));
        Console.WriteLine($"Emigrate host on {host.BaseAddress} (durable engine on the Azure Storage backend), demo keys of local.settings.sample.json.");

        // One case alone first: JIT, table creation and the engine's first polls stay out of the figures.
        await RunCaseAsync(new CaseDriver(client, keys, new CallStats(), PollInterval, StageTimeout), 0, warmUp: true);

        var stats = new CallStats();
        var status = new CallStats();
        var live = new LiveCases();
        var driver = new CaseDriver(client, keys, stats, PollInterval, StageTimeout);
        driver.Registered += live.Add;
        int failed = 0;
        using var stop = new CancellationTokenSource();
        Task statusLoad = StatusLoad.RunAsync(client, keys, live, status, statusCallers, stop.Token);
        var clock = Stopwatch.StartNew();
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < cases)
            {
                if (!await RunCaseAsync(driver, n))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        TimeSpan elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await statusLoad;

        Console.WriteLine();
        Console.WriteLine($"{cases - failed} of {cases} cases cleared in {elapsed.TotalSeconds:0.0} s: {(cases - failed) / elapsed.TotalSeconds:0.00} cases/s end to end ({concurrency} cases at a time, stage changes polled every {PollInterval.TotalMilliseconds:0} ms).");
        Console.WriteLine(AppTable.Calls($"Calls of {cases} cases through the whole process (per call type; waits are from the action to the stage seen)", stats, elapsed));
        Console.WriteLine(AppTable.Calls($"Status queries under that load ({statusCallers} closed-loop callers, alternating)", status, elapsed));

        CallStats? small = null;
        CallStats? large = null;
        int largeCases = live.Count;
        if (seedTo > live.Count && live.Count > 0)
        {
            small = await ScaleQueries.RunAsync(client, keys, live, host.TableRequests, samples, statusCallers);
            var seeder = new CaseSeeder(host.Service<CaseTables>(), host.Service<RegistrationValidator>(), keys.CscId, Math.Max(1, seedTo / SeedPlan.CasesPerCsc), concurrency * 2);
            int toSeed = seedTo - live.Count;
            Console.WriteLine($"Seeding {toSeed:N0} cases straight into the case tables (no orchestration, no documents; ~{SeedPlan.CasesPerCsc} per CSC, 18 states, every stage)…");
            SeedResult seeded = await seeder.SeedAsync(0, toSeed);
            Console.WriteLine($"Seeded {seeded.Cases:N0} cases ({seeded.Rows:N0} rows) in {seeded.Elapsed.TotalSeconds:0.0} s: {seeded.CasesPerSecond:0} cases/s, {seeded.RowsPerSecond:0} rows/s.");
            largeCases = live.Count + seeded.Cases;
            large = await ScaleQueries.RunAsync(client, keys, live, host.TableRequests, samples, statusCallers);
            Console.WriteLine();
            Console.WriteLine(AppTable.Scale($"Scale check: the same queries with {live.Count} and with {largeCases:N0} cases ({samples} samples each, {statusCallers} callers; lists follow the continuation token up to {ScaleQueries.PagesPerList} pages of 50)", small, live.Count, large, largeCases));
        }

        Console.WriteLine(AppTargets.Format(status, small, large, largeCases));
        return 0;
    }

    private static async Task<bool> RunCaseAsync(CaseDriver driver, int n, bool warmUp = false)
    {
        try
        {
            await driver.RunAsync(n, warmUp);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"  case {n} failed: {e.Message}");
            return false;
        }
    }
}
