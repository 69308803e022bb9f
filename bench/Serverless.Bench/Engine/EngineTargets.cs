using System.Globalization;
using System.Text;

namespace Serverless.Bench.Engine;

/// <summary>The targets for this 2-core machine with Azurite, each checked against a scenario's figures.</summary>
internal static class EngineTargets
{
    public const string Chain100 = "1 × 100 sequential activities";
    public const string FanOut1000 = "1 × fan-out/in of 1,000";
    public const string Sequence1000 = "1,000 × 5-activity sequence";
    public const string EventRoundTrip = "event → next activity started";
    public const string SteadyState = "10 × N sequence (steady state)";

    public static string Format(IReadOnlyList<EngineResult> results, double scale)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("## Targets");
        if (scale != 1)
        {
            sb.AppendLine(inv, $"(scale {scale}: the targets are defined at scale 1; these lines are indicative only)");
        }

        void Line(string scenario, string what, Func<EngineResult, double> value, string unit, Func<double, bool> met, string target)
        {
            EngineResult? r = results.FirstOrDefault(x => x.Name.StartsWith(scenario, StringComparison.Ordinal));
            string verdict = r is null ? "MISS (not run)" : met(value(r)) ? "PASS" : "MISS";
            string measured = r is null ? "-" : value(r).ToString("0.0", inv) + " " + unit;
            sb.AppendLine(inv, $"{verdict,-5} {scenario}: {what} {measured} (target {target})");
        }

        Line(Chain100, "activities/s", r => r.ActivitiesPerSecond, "act/s", v => v >= 25, "≥ 25");
        Line(FanOut1000, "activities/s", r => r.ActivitiesPerSecond, "act/s", v => v >= 200, "≥ 200");
        Line(Sequence1000, "orchestrations/s", r => r.InstancesPerSecond, "inst/s", v => v >= 50, "≥ 50");
        Line(EventRoundTrip, "p50", r => r.P50Ms, "ms", v => v < 50, "< 50 ms");
        Line(EventRoundTrip, "p99", r => r.P99Ms, "ms", v => v < 250, "< 250 ms");
        Line(SteadyState, "storage requests per activity", r => r.RequestsPerActivity, "req/act", v => v <= 5, "≤ 5");
        return sb.ToString();
    }
}
