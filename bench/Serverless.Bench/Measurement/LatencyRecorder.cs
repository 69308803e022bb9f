using System.Diagnostics;

namespace Serverless.Bench.Measurement;

/// <summary>Collects per-operation latencies from many concurrent callers and summarises them.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;

    public void Record(long elapsedTicks)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _ticks.Length)
        {
            _ticks[i] = elapsedTicks;
        }
    }

    public int Count => Math.Min(_count, _ticks.Length);

    public double PercentileMs(double p)
    {
        var n = Count;
        if (n == 0)
        {
            return double.NaN;
        }

        var sorted = _ticks.AsSpan(0, n).ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(p / 100.0 * n) - 1, 0, n - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
