namespace Serverless.Bench.App;

/// <summary>
/// The scale queries measured in several rounds at one size: all samples together for the table, and each round's
/// p50 so the verdict can use the best round at each size. Why rounds: these machines are shared, and a burst of
/// other work during one size's few seconds of queries moved single-round ratios by 2× either way between runs.
/// </summary>
internal sealed class ScaleRun(IReadOnlyList<CallStats> rounds)
{
    public IReadOnlyList<CallStats> Rounds { get; } = rounds;

    public CallStats All { get; } = CallStats.Merge(rounds);

    /// <summary>The lowest of the rounds' p50s of <paramref name="call"/>: what the size allows when nothing else runs.</summary>
    public double BestP50(string call) => this.Rounds.Select(r => r[call].PercentileMs(50)).Where(p => !double.IsNaN(p)).DefaultIfEmpty(double.NaN).Min();

    public static async Task<ScaleRun> MeasureAsync(int rounds, Func<CallStats, Task> round)
    {
        var results = new List<CallStats>();
        for (int i = 0; i < rounds; i++)
        {
            var stats = new CallStats();
            await round(stats);
            results.Add(stats);
        }

        return new ScaleRun(results);
    }
}
