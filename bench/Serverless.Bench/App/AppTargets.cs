using System.Globalization;
using System.Text;

namespace Serverless.Bench.App;

/// <summary>The issue's targets: status queries p99 under 50 ms under load; 100,000 cases leave lists and SMS queries as fast as 100.</summary>
internal static class AppTargets
{
    public const double StatusP99Ms = 50;

    /// <summary>"As fast": the large size's p50 at most this many times the small size's (noise on a shared 2-core machine allowed for).</summary>
    public const double ScaleRatio = 1.5;

    /// <param name="underLoad">The status queries the verdict judges.</param>
    /// <param name="load">How they were sent, for the verdict's line.</param>
    public static string Format(CallStats underLoad, string load, ScaleRun? small, int smallCases, ScaleRun? large, int largeCases)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## Targets");
        foreach (string call in new[] { StatusLoad.GetCase, StatusLoad.SmsStatus })
        {
            CallStats.Samples s = underLoad[call];
            double p99 = s.PercentileMs(99);
            string verdict = s.Count > 0 && s.Failures == 0 && p99 < StatusP99Ms ? "PASS" : "MISS";
            sb.AppendLine(inv, $"{verdict,-5} {call} under load ({load}): p99 {p99:0.0} ms over {s.Count} calls, {s.Failures} failed (target < {StatusP99Ms:0} ms)");
        }

        if (small is null || large is null)
        {
            sb.AppendLine("MISS  scale check not run (--seed 0)");
            return sb.ToString();
        }

        foreach (string call in ScaleQueries.Calls)
        {
            double ratio = large.MedianP50(call) / small.MedianP50(call);
            bool failed = small.All[call].Failures + large.All[call].Failures > 0;
            string verdict = !failed && ratio <= ScaleRatio ? "PASS" : "MISS";
            sb.AppendLine(inv, $"{verdict,-5} {call} with {largeCases:N0} cases: median round's p50 {ratio:0.00} × that with {smallCases:N0}{(failed ? ", with failed calls" : "")} (target ≤ {ScaleRatio:0.0} ×)");
        }

        return sb.ToString();
    }
}
