using System.Globalization;
using System.Text;

namespace Serverless.Bench.App;

/// <summary>Prints the app's figures in the engine bench's fixed-width style.</summary>
internal static class AppTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Calls per type: count, rate over <paramref name="elapsed"/>, p50, p99, unexpected answers.</summary>
    public static string Calls(string title, CallStats stats, TimeSpan elapsed, IEnumerable<string>? order = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"## {title}");
        sb.AppendLine(Inv, $"| {"call",-48} | {"calls",7} | {"calls/s",8} | {"p50 ms",8} | {"p99 ms",8} | {"failed",6}");
        sb.AppendLine(Inv, $"|{new string('-', 50)}|---------|----------|----------|----------|-------");
        foreach (string name in order ?? stats.Names)
        {
            CallStats.Samples s = stats[name];
            if (s.Count == 0)
            {
                continue;
            }

            sb.AppendLine(Inv, $"| {name,-48} | {s.Count,7} | {s.Count / elapsed.TotalSeconds,8:0.0} | {s.PercentileMs(50),8:0.0} | {s.PercentileMs(99),8:0.0} | {s.Failures,6}");
        }

        return sb.ToString();
    }

    /// <summary>Each query's latency at the small and the large size, and the ratio large ÷ small.</summary>
    public static string Scale(string title, ScaleRun smallRun, int smallCases, ScaleRun largeRun, int largeCases)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"## {title}");
        sb.AppendLine(Inv, $"| {"query",-52} | {"n",5} | {$"p50 @{smallCases}",10} | {$"p99 @{smallCases}",10} | {$"p50 @{largeCases}",12} | {$"p99 @{largeCases}",12} | {"p50 ×",6} | {"p99 ×",6} | {$"req @{smallCases}",10} | {$"req @{largeCases}",12} | {"failed",6}");
        sb.AppendLine(Inv, $"|{new string('-', 54)}|-------|------------|------------|--------------|--------------|--------|--------|------------|--------------|-------");
        foreach (string name in ScaleQueries.Calls)
        {
            CallStats.Samples a = smallRun.All[name];
            CallStats.Samples b = largeRun.All[name];
            sb.AppendLine(Inv, $"| {name,-52} | {b.Count,5} | {a.PercentileMs(50),10:0.0} | {a.PercentileMs(99),10:0.0} | {b.PercentileMs(50),12:0.0} | {b.PercentileMs(99),12:0.0} | {b.PercentileMs(50) / a.PercentileMs(50),6:0.00} | {b.PercentileMs(99) / a.PercentileMs(99),6:0.00} | {a.RequestsPerCall,10:0.00} | {b.RequestsPerCall,12:0.00} | {a.Failures + b.Failures,6}");
        }

        sb.AppendLine("Percentiles over every round's samples. req @n: the app's table requests per HTTP call (per page for lists), small then large: the same count at both sizes means no scan across partitions and no per-row requests.");
        sb.AppendLine("Each round's p50 (ms), small | large:");
        foreach (string name in ScaleQueries.Calls)
        {
            string Rounds(ScaleRun run) => string.Join(" ", run.Rounds.Select(r => r[name].PercentileMs(50).ToString("0.0", Inv)));
            sb.AppendLine(Inv, $"- {name}: {Rounds(smallRun)} | {Rounds(largeRun)}");
        }
        return sb.ToString();
    }
}
