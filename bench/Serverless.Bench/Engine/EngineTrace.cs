using System.Diagnostics;
using System.Globalization;
using Serverless.Storage.Queues;

namespace Serverless.Bench.Engine;

/// <summary>
/// With <c>BENCH_TRACE=1</c>: every two seconds, prints progress, the worker's requests by kind (rate and mean
/// latency) and the hub's queue depths, to find where a scenario's time goes. Depth reads are not counted.
/// </summary>
internal sealed class EngineTrace : IAsyncDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private EngineTrace(EngineHost host, string? connectionString) =>
        this.loop = Task.Run(() => this.RunAsync(host, connectionString));

    public static EngineTrace? Start(EngineHost host, IEngineBackendFactory factory) =>
        Environment.GetEnvironmentVariable("BENCH_TRACE") is "1"
            ? new EngineTrace(host, (factory as AzureStorageBackendFactory)?.ConnectionString)
            : null;

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        await this.loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        this.stop.Dispose();
    }

    private async Task RunAsync(EngineHost host, string? connectionString)
    {
        QueueClient[] queues = [];
        if (connectionString is not null)
        {
            var service = new QueueServiceClient(connectionString);
            string hub = host.Hub.ToLowerInvariant();
            queues = [.. Enumerable.Range(0, 4).Select(p => service.GetQueueClient($"{hub}-control-{p:D2}")), service.GetQueueClient($"{hub}-workitems")];
        }

        long start = Stopwatch.GetTimestamp();
        IReadOnlyDictionary<string, long> counts = host.WorkerLedger.Snapshot();
        IReadOnlyDictionary<string, long> times = host.WorkerLedger.TimeSnapshot();
        while (!this.stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), this.stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            IReadOnlyDictionary<string, long> nowCounts = host.WorkerLedger.Snapshot();
            IReadOnlyDictionary<string, long> nowTimes = host.WorkerLedger.TimeSnapshot();
            var depths = new List<string>();
            foreach (QueueClient queue in queues)
            {
                try
                {
                    depths.Add((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount.ToString(Inv));
                }
                catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
                {
                    depths.Add("?");
                }
            }

            IEnumerable<string> kinds = nowCounts.Where(p => p.Value > counts.GetValueOrDefault(p.Key)).OrderByDescending(p => p.Value - counts.GetValueOrDefault(p.Key)).Select(p =>
            {
                long n = p.Value - counts.GetValueOrDefault(p.Key);
                double ms = (nowTimes.GetValueOrDefault(p.Key) - times.GetValueOrDefault(p.Key)) * 1000.0 / Stopwatch.Frequency / n;
                return string.Create(Inv, $"{p.Key} {n / 2.0:0}/s {ms:0.0}ms");
            });
            Console.WriteLine(string.Create(Inv, $"  [{Stopwatch.GetElapsedTime(start).TotalSeconds,5:0}s] done {host.Observed.CompletedCount} commits {host.Observed.TotalCommits} depth c/w {string.Join('/', depths)} | {string.Join(", ", kinds)}"));
            counts = nowCounts;
            times = nowTimes;
        }
    }
}
