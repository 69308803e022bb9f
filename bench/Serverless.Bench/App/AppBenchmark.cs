using System.Diagnostics;
using Emigrate.Data.Cases;
using Emigrate.Domain.Registration;
using Serverless.Bench.Measurement;

namespace Serverless.Bench.App;

/// <summary>
/// The <c>app</c> suite: one Emigrate host on Azurite; cases driven through the whole process over HTTP with status
/// queries alongside, in two rounds (capacity: everything closed-loop; latency: a <c>--load</c> share of that capacity,
/// offered open-loop), then the scale check of lists, case reads and SMS STATUS before and after seeding the case
/// tables up to <c>--seed</c> cases.
/// </summary>
internal sealed class AppBenchmark(string connectionString, int cases, int concurrency, int seedTo, double load, int statusCallers, int samples)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Cases of the demo CSC seeded at every stage before the small-size queries (run with <c>--cases 50</c> for a small world of 100).</summary>
    private const int SmallWorldSeeded = 50;

    /// <summary>Rounds of the scale queries at each size; the verdict takes each size's median round.</summary>
    private const int ScaleRounds = 5;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The emulator's processes when the bench started them, for their CPU figures.</summary>
    public IReadOnlyDictionary<string, int> EmulatorProcessIds { get; init; } = new Dictionary<string, int>();

    public async Task<int> RunAsync()
    {
        await using AppHost host = await AppHost.StartAsync(connectionString);
        var keys = DemoKeys.Of(host);
        using var client = new AppClient(host.BaseAddress, host.Settings["Sms:WebhookSecret"] ?? throw new InvalidOperationException("The sample settings have no Sms:WebhookSecret."));
        Console.WriteLine($"Emigrate host on {host.BaseAddress} (durable engine on the Azure Storage backend), demo keys of local.settings.sample.json.");

        int warmedUp = await this.WarmUpAsync(client, keys);
        var measured = new LiveCases();

        // The capacity round: cases back to back and status callers closed-loop, so the emulator is kept as busy as
        // they can make it. Its p99 is that of a saturated system; its rates are what this machine can serve.
        Console.WriteLine($"Capacity round: {cases} cases, {concurrency} at a time, each step sent as soon as the last is seen; {statusCallers} closed-loop status callers.");
        RoundResult capacity = await this.MeasureAsync(
            client, keys, measured, driver => this.DriveClosedLoopAsync(driver, 0, cases), (round, s, stop) => StatusLoad.RunClosedLoopAsync(client, keys, round, s, statusCallers, stop));

        // The latency round offers a fixed share of that: cases start on a schedule and status queries are sent when due
        // (open-loop), as work arrives from many people, and each query is timed from when it was due.
        double caseRate = capacity.CasesPerSecond * load;
        double statusRate = capacity.StatusCallsPerSecondEach * load;
        Console.WriteLine();
        Console.WriteLine($"Latency round at {load:0.##} of that capacity: {cases} cases starting at {caseRate:0.00}/s, status queries open-loop at {statusRate:0.#} calls/s of each kind, timed from when each was due.");
        RoundResult latency = await this.MeasureAsync(
            client, keys, measured, driver => DriveAtRateAsync(driver, cases, cases, caseRate), (round, s, stop) => StatusLoad.RunAtRateAsync(client, keys, round, s, statusRate, stop));

        int driven = measured.Count + warmedUp;
        int smallCases = driven;
        ScaleRun? small = null;
        ScaleRun? large = null;
        int largeCases = driven;
        if (seedTo > driven && measured.Count > 0)
        {
            // The small world also has cases of the demo CSC and office at every stage (as a CSC's first weeks would),
            // so the stage-filtered lists compare a page with a page, not an empty list with a page.
            var home = new CaseSeeder(host.Service<CaseTables>(), host.Service<RegistrationValidator>(), keys.CscId, 1, concurrency) { HomeState = ("Maharashtra", "Mumbai", "400017") };
            SeedResult homeSeeded = await home.SeedAsync(0, SmallWorldSeeded);
            smallCases += homeSeeded.Cases;
            Task<ScaleRun> Measure() => ScaleRun.MeasureAsync(ScaleRounds, stats => ScaleQueries.RunAsync(client, keys, measured, host.TableRequests, samples, statusCallers, stats));
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

        Console.WriteLine(AppTargets.Format(latency.Status, $"{load:0.##} of capacity: {caseRate:0.00} cases/s, {statusRate:0.#} calls/s each", small, smallCases, large, largeCases));
        return 0;
    }

    /// <summary>Drives a round of <c>concurrency</c> cases that is not measured; answers how many registered.</summary>
    private async Task<int> WarmUpAsync(AppClient client, DemoKeys keys)
    {
        // A warm-up round of cases at the same concurrency, status queries alongside, is not measured: JIT tiering,
        // table creation and the engine's first polls happen there. Measured with one case of warm-up, the JIT's
        // background recompilation of hot methods took ~30 % of the process's CPU during the measured run.
        var warmUpLive = new LiveCases();
        var warmUp = new CaseDriver(client, keys, new CallStats(), PollInterval, StageTimeout) { WarmUp = true };
        warmUp.Registered += warmUpLive.Add;
        using var stop = new CancellationTokenSource();
        Task status = StatusLoad.RunClosedLoopAsync(client, keys, warmUpLive, new CallStats(), statusCallers, stop.Token);
        await this.DriveClosedLoopAsync(warmUp, 0, concurrency);
        await stop.CancelAsync();
        await status;

        Console.WriteLine($"Warm-up: {concurrency} cases driven the same way, not measured.");
        return warmUpLive.Count;
    }

    /// <summary>
    /// A measured round: cases driven by <paramref name="drive"/> with <paramref name="statusLoad"/> on the round's live
    /// cases until they end; prints its tables. Registered cases are also added to <paramref name="all"/>.
    /// </summary>
    private async Task<RoundResult> MeasureAsync(
        AppClient client, DemoKeys keys, LiveCases all, Func<CaseDriver, Task<CasesDriven>> drive, Func<LiveCases, CallStats, CancellationToken, Task> statusLoad)
    {
        var stats = new CallStats();
        var status = new CallStats();
        var live = new LiveCases();
        var driver = new CaseDriver(client, keys, stats, PollInterval, StageTimeout);
        driver.Registered += live.Add;
        driver.Registered += all.Add;
        var clock = Stopwatch.StartNew();
        using var cpu = CpuMeter.Start(this.EmulatorProcessIds);
        using var stop = new CancellationTokenSource();
        Task statusRun = statusLoad(live, status, stop.Token);
        CasesDriven driven = await drive(driver);
        await stop.CancelAsync();
        await statusRun;
        TimeSpan elapsed = clock.Elapsed;
        string cpuUsed = cpu.Describe();

        int cleared = cases - driven.Failed;
        Console.WriteLine();
        Console.WriteLine($"{cleared} of {cases} cases cleared in {elapsed.TotalSeconds:0.0} s: {cleared / elapsed.TotalSeconds:0.00} cases/s end to end, {driven.CaseSeconds / elapsed.TotalSeconds:0.0} in flight on average (stage changes polled every {PollInterval.TotalMilliseconds:0} ms).");
        Console.WriteLine(AppTable.Calls($"Calls of {cases} cases through the whole process (per call type; waits are from the action to the stage seen)", stats, elapsed));
        Console.WriteLine(AppTable.Calls("Status queries under that load", status, elapsed));
        Console.WriteLine(cpuUsed);
        double each = Math.Min(status[StatusLoad.GetCase].Count, status[StatusLoad.SmsStatus].Count) / elapsed.TotalSeconds;
        return new RoundResult(status, cleared / elapsed.TotalSeconds, each);
    }

    /// <summary>Drives <paramref name="count"/> cases numbered from <paramref name="first"/>, <c>concurrency</c> at a time, each step as soon as the last is seen.</summary>
    private async Task<CasesDriven> DriveClosedLoopAsync(CaseDriver driver, int first, int count)
    {
        var driven = new CasesDriven();
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                await driven.RunAsync(driver, first + n);
            }
        }));
        return driven;
    }

    /// <summary>Starts <paramref name="count"/> cases numbered from <paramref name="first"/> at <paramref name="perSecond"/>, whether or not earlier ones have ended.</summary>
    private static async Task<CasesDriven> DriveAtRateAsync(CaseDriver driver, int first, int count, double perSecond)
    {
        var driven = new CasesDriven();
        await OpenLoop.RunAsync(perSecond, count, (n, _) => driven.RunAsync(driver, first + n), CancellationToken.None);
        return driven;
    }

    /// <summary>What a round's cases came to: how many failed, and the sum of their durations (case-seconds in flight).</summary>
    private sealed class CasesDriven
    {
        private int failed;
        private long ticks;

        public int Failed => this.failed;

        public double CaseSeconds => Interlocked.Read(ref this.ticks) / (double)Stopwatch.Frequency;

        public async Task RunAsync(CaseDriver driver, int n)
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                await driver.RunAsync(n);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
            {
                Console.WriteLine($"  case {n} failed: {e.Message}");
                Interlocked.Increment(ref this.failed);
            }
            finally
            {
                Interlocked.Add(ref this.ticks, Stopwatch.GetTimestamp() - start);
            }
        }
    }

    /// <summary>A round's status figures and the rates it sustained.</summary>
    private sealed record RoundResult(CallStats Status, double CasesPerSecond, double StatusCallsPerSecondEach);
}
