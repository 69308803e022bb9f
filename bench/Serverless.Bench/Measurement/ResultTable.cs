using System.Globalization;
using System.Text;

namespace Serverless.Bench.Measurement;

/// <summary>Prints results as a fixed-width table, optionally with each row's ratio to a named baseline row.</summary>
internal static class ResultTable
{
    public static string Format(string title, IEnumerable<Result> results, Func<Result, (string Baseline, double Ratio)?>? ratio = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"## {title}");
        sb.AppendLine(inv, $"| {"operation",-44} | {"ops",7} | {"ops/s",9} | {"p50 ms",8} | {"p99 ms",8} | {"req/op",6} | ratio to limit");
        sb.AppendLine(inv, $"|{new string('-', 46)}|{new string('-', 9)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 8)}|---------------");
        foreach (var r in results)
        {
            var perOp = r.RequestsPerOperation is { } q ? q.ToString("0.00", inv) : "";
            var ratioText = ratio?.Invoke(r) is { } x ? $"{x.Ratio:0.00} × {x.Baseline}" : "";
            sb.AppendLine(inv, $"| {r.Name,-44} | {r.Operations,7} | {r.PerSecond,9:0.0} | {r.P50Ms,8:0.00} | {r.P99Ms,8:0.00} | {perOp,6} | {ratioText}");
        }

        return sb.ToString();
    }
}
