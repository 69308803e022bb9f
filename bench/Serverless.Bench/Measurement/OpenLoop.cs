using System.Diagnostics;

namespace Serverless.Bench.Measurement;

/// <summary>Starts work at a fixed rate whether or not earlier work has ended (open-loop), as work arrives from many people.</summary>
internal static class OpenLoop
{
    /// <summary>
    /// Starts <paramref name="start"/>(n, due) at <paramref name="perSecond"/> (due: the <see cref="Stopwatch"/> timestamp it
    /// was due at, for timing from then), until <paramref name="count"/> have started or <paramref name="stop"/> is
    /// cancelled; then awaits all that started. A late start is made at once, so the rate holds on average.
    /// </summary>
    public static async Task RunAsync(double perSecond, int count, Func<int, long, Task> start, CancellationToken stop)
    {
        long first = Stopwatch.GetTimestamp();
        var running = new List<Task>();
        for (int n = 0; n < count && !stop.IsCancellationRequested; n++)
        {
            long due = first + (long)(n * Stopwatch.Frequency / perSecond);
            TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            running.RemoveAll(t => t.IsCompleted);
            running.Add(start(n, due));
        }

        await Task.WhenAll(running);
    }
}
