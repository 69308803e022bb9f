using System.Collections.Concurrent;
using System.Diagnostics;

namespace Serverless.Bench.App;

/// <summary>Latencies per call type, from any number of concurrent callers, with the count of unexpected answers.</summary>
internal sealed class CallStats
{
    private readonly ConcurrentDictionary<string, Samples> _calls = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => this._calls.Keys.Order(StringComparer.Ordinal);

    public void Record(string call, long elapsedTicks, bool ok) => this._calls.GetOrAdd(call, _ => new Samples()).Add(elapsedTicks, ok);

    /// <summary>Adds storage requests sent on behalf of <paramref name="call"/>.</summary>
    public void AddRequests(string call, long requests) => this._calls.GetOrAdd(call, _ => new Samples()).AddRequests(requests);

    public Samples this[string call] => this._calls.TryGetValue(call, out Samples? s) ? s : new Samples();

    /// <summary>All samples and request counts of <paramref name="parts"/> in one.</summary>
    public static CallStats Merge(IEnumerable<CallStats> parts)
    {
        var merged = new CallStats();
        foreach (CallStats part in parts)
        {
            foreach ((string call, Samples samples) in part._calls)
            {
                Samples into = merged._calls.GetOrAdd(call, _ => new Samples());
                into.AddFrom(samples);
            }
        }

        return merged;
    }

    /// <summary>One call type's samples.</summary>
    internal sealed class Samples
    {
        private readonly ConcurrentQueue<long> _ticks = new();
        private long _failures;
        private long _requests;

        public int Count => this._ticks.Count;

        public long Failures => Interlocked.Read(ref this._failures);

        /// <summary>Storage requests per call, when counted.</summary>
        public double RequestsPerCall => this.Count == 0 ? double.NaN : Interlocked.Read(ref this._requests) / (double)this.Count;

        public void AddRequests(long requests) => Interlocked.Add(ref this._requests, requests);

        public void AddFrom(Samples other)
        {
            foreach (long ticks in other._ticks)
            {
                this._ticks.Enqueue(ticks);
            }

            Interlocked.Add(ref this._failures, other.Failures);
            Interlocked.Add(ref this._requests, Interlocked.Read(ref other._requests));
        }

        public void Add(long ticks, bool ok)
        {
            this._ticks.Enqueue(ticks);
            if (!ok)
            {
                Interlocked.Increment(ref this._failures);
            }
        }

        public double PercentileMs(double p)
        {
            long[] sorted = [.. this._ticks];
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            Array.Sort(sorted);
            int index = (int)Math.Clamp(Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1);
            return sorted[index] * 1000.0 / Stopwatch.Frequency;
        }
    }
}
