using Serverless.Bench.Measurement;

namespace Serverless.Bench.Storage;

/// <summary>The raw figures measured in this run, which engine and app benchmarks report their ratios against.</summary>
internal sealed record RawStorageLimits(IReadOnlyList<Result> Results)
{
    public Result this[string prefix] => Results.First(r => r.Name.StartsWith(prefix, StringComparison.Ordinal));
}
