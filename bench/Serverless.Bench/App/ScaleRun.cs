namespace Serverless.Bench.App;

/// <summary>
/// The scale queries measured in several rounds at one size: all samples together for the table, and each round's
/// p50 so the verdict can use the median round at each size. Why rounds: these machines are shared, and a burst of
/// other work during one size's few seconds of queries moved single-round ratios by 2× either way between runs. Why
/// the median, not the best: one unusually quick round at the small size (6.2 ms where its others took 9.8 and
/// 11.3) failed a list whose requests per page were the same at both sizes.
/// </summary>
internal sealed class ScaleRun(IReadOnlyList<CallStats> rounds)
{
    public IReadOnlyList<CallStats> Rounds { get; } = rounds;

    public CallStats All { get; } = CallStats.Merge(rounds);

    /// <summary>The median of the rounds' p50s of <paramref name="call"/> (the lower middle one of an even count).</summary>
    public double MedianP50(string call)
    {
        double[] p50s = [.. this.Rounds.Select(r => r[call].PercentileMs(50)).Where(p => !double.IsNaN(p)).Order()];
        return p50s.Length == 0 ? double.NaN : p50s[(p50s.Length - 1) / 2];
    }

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
