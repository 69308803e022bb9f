using System.Diagnostics;

namespace Serverless.Bench.Measurement;

/// <summary>Runs an operation a fixed number of times from N concurrent callers and records each call's latency.</summary>
internal static class ConcurrentRunner
{
    public static async Task<Result> RunAsync(string name, int operations, int concurrency, Func<int, Task> operation, RequestCounter? counter = null)
    {
        var recorder = new LatencyRecorder(operations);
        var next = -1;
        var requestsBefore = counter?.Count ?? 0;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                recorder.Record(Stopwatch.GetTimestamp() - start);
            }
        });
        await Task.WhenAll(workers);
        total.Stop();
        double? perOp = counter is null ? null : (counter.Count - requestsBefore) / (double)operations;
        return new Result(name, operations, total.Elapsed, recorder.PercentileMs(50), recorder.PercentileMs(99), perOp);
    }
}
