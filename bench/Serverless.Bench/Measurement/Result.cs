namespace Serverless.Bench.Measurement;

/// <summary>One measured operation: throughput and latency percentiles.</summary>
internal sealed record Result(string Name, int Operations, TimeSpan Elapsed, double P50Ms, double P99Ms, double? RequestsPerOperation = null)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}
