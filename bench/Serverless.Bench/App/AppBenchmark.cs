using System.Diagnostics;
using Emigrate.Data.Cases;
using Emigrate.Domain.Registration;
using Serverless.Bench.Measurement;

namespace Serverless.Bench.App;

/// <summary>
/// The <c>app</c> suite: one Emigrate host on Azurite, N cases driven concurrently through the whole process over
/// HTTP with status queries alongside, then the scale check of lists, case reads and SMS STATUS before and after
/// seeding the case tables up to <c>--seed</c> cases.
/// </summary>
internal sealed class AppBenchmark(string connectionString, int cases, int concurrency, int seedTo, int statusCallers, int samples)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Cases of the demo CSC seeded at every stage before the small-size queries (run with <c>--cases 50</c> for a small world of 100).</summary>
    private const int SmallWorldSeeded = 50;

    /// <summary>Rounds of the scale queries at each size; the verdict takes each size's best round.</summary>
    private const int ScaleRounds = 3;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The emulator's process when the bench started it, for its CPU figure.</summary>
    public int? EmulatorProcessId { get; init; }

    public async Task<int> RunAsync()
    {
        await using AppHost host = await AppHost.StartAsync(connectionString);
        var keys = DemoKeys.Of(host);
        using var client = new AppClient(host.BaseAddress, host.Settings["Sms:WebhookSecret"] ?? throw new InvalidOperationException("The sample settings have no Sms:WebhookSecret."));
        Console.WriteLine($"Emigrate host on {host.BaseAddress} (durable engine on the Azure Storage backend), demo keys of local.settings.sample.json.");

        // A warm-up round of cases at the same concurrency, status queries alongside, is not measured: JIT tiering,
        // table creation and the engine's first polls happen there. Measured with one case of warm-up, the JIT's
        // background recompilation of hot methods took ~30 % of the process's CPU during the measured run.
        var warmUpLive = new LiveCases();
        var warmUp = new CaseDriver(client, keys, new CallStats(), PollInterval, StageTimeout) { WarmUp = true };
        warmUp.Registered += warmUpLive.Add;
        await this.DriveAsync(client, keys, warmUp, concurrency, warmUpLive, new CallStats());
        Console.WriteLine($"Warm-up: {concurrency} cases driven the same way, not measured.");

        var stats = new CallStats();
        var status = new CallStats();
        var live = new LiveCases();
        var driver = new CaseDriver(client, keys, stats, PollInterval, StageTimeout);
        driver.Registered += live.Add;
        var clock = Stopwatch.StartNew();
        using var cpu = CpuMeter.Start(this.EmulatorProcessId);
        int failed = await this.DriveAsync(client, keys, driver, cases, live, status);
        TimeSpan elapsed = clock.Elapsed;
        string cpuUsed = cpu.Describe();

        Console.WriteLine();
        Console.WriteLine($"{cases - failed} of {cases} cases cleared in {elapsed.TotalSeconds:0.0} s: {(cases - failed) / elapsed.TotalSeconds:0.00} cases/s end to end ({concurrency} cases at a time, stage changes polled every {PollInterval.TotalMilliseconds:0} ms).");
        Console.WriteLine(AppTable.Calls($"Calls of {cases} cases through the whole process (per call type; waits are from the action to the stage seen)", stats, elapsed));
        Console.WriteLine(AppTable.Calls($"Status queries under that load ({statusCallers} closed-loop callers, alternating)", status, elapsed));
        Console.WriteLine(cpuUsed);

        int driven = live.Count + warmUpLive.Count;
        int smallCases = driven;
        ScaleRun? small = null;
        ScaleRun? large = null;
        int largeCases = driven;
        if (seedTo > driven && live.Count > 0)
        {
            // The small world also has cases of the demo CSC and office at every stage (as a CSC's first weeks would),
            // so the stage-filtered lists compare a page with a page, not an empty list with a page.
            var home = new CaseSeeder(host.Service<CaseTables>(), host.Service<RegistrationValidator>(), keys.CscId, 1, concurrency) { HomeState = ("Maharashtra", "Mumbai", "400017") };
            SeedResult homeSeeded = await home.SeedAsync(0, SmallWorldSeeded);
            smallCases += homeSeeded.Cases;
            Task<ScaleRun> Measure() => ScaleRun.MeasureAsync(ScaleRounds, stats => ScaleQueries.RunAsync(client, keys, live, host.TableRequests, samples, statusCallers, stats));
            small = await Measure();
            var seeder = new CaseSeeder(host.Service<CaseTables>(), host.Service<RegistrationValidator>(), keys.CscId, Math.Max(1, seedTo / SeedPlan.CasesPerCsc), concurrency * 2);
            int toSeed = seedTo - smallCases;
            Console.WriteLine($"Seeding {toSeed:N0} cases straight into the case tables (no orchestration, no documents; ~{SeedPlan.CasesPerCsc} per CSC, 18 states, every stage)…");
            SeedResult seeded = await seeder.SeedAsync(SmallWorldSeeded, toSeed);
            Console.WriteLine($"Seeded {seeded.Cases:N0} cases ({seeded.Rows:N0} rows) in {seeded.Elapsed.TotalSeconds:0.0} s: {seeded.CasesPerSecond:0} cases/s, {seeded.RowsPerSecond:0} rows/s.");
            largeCases = smallCases + seeded.Cases;
            large = await Measure();
            Console.WriteLine();
            Console.WriteLine(AppTable.Scale($"Scale check: the same queries with {smallCases} cases ({driven} driven, {homeSeeded.Cases} seeded for the demo CSC and office) and with {largeCases:N0} cases ({ScaleRounds} rounds of {samples} samples, {statusCallers} callers; lists follow the continuation token up to {ScaleQueries.PagesPerList} pages of 50)", small, smallCases, large, largeCases));
        }

        Console.WriteLine(AppTargets.Format(status, small, smallCases, large, largeCases));
        return 0;
    }

    /// <summary>Drives <paramref name="count"/> cases, <c>concurrency</c> at a time, with the status load on the live ones; the number that failed.</summary>
    private async Task<int> DriveAsync(AppClient client, DemoKeys keys, CaseDriver driver, int count, LiveCases live, CallStats status)
    {
        int failed = 0;
        using var stop = new CancellationTokenSource();
        Task statusLoad = StatusLoad.RunAsync(client, keys, live, status, statusCallers, stop.Token);
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                if (!await RunCaseAsync(driver, n))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        await stop.CancelAsync();
        await statusLoad;
        return failed;
    }

    private static async Task<bool> RunCaseAsync(CaseDriver driver, int n)
    {
        try
        {
            await driver.RunAsync(n);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"  case {n} failed: {e.Message}");
            return false;
        }
    }
}
