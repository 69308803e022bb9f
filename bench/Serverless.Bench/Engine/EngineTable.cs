using System.Globalization;
using System.Text;
using Serverless.Bench.Storage;

namespace Serverless.Bench.Engine;

/// <summary>Prints the engine figures, their ratios to the raw Azurite figures of the same run, and where the requests went.</summary>
internal static class EngineTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Format(string title, IReadOnlyList<EngineResult> results, RawStorageLimits? raw)
    {
        double? queueRate = raw?["queue receive(32)+delete"].PerSecond;
        double? insertRate = raw?["table point insert"].PerSecond;
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"## {title}");
        sb.AppendLine(Inv, $"| {"scenario",-34} | {"inst",5} | {"acts",5} | {"secs",6} | {"inst/s",7} | {"act/s",7} | {"p50 ms",8} | {"p99 ms",8} | {"req/act",7} | {"work/act",8} | {"act/s ÷ raw q",13} | {"req/s ÷ raw ins",15}");
        sb.AppendLine(Inv, $"|{new string('-', 36)}|-------|-------|--------|---------|---------|----------|----------|---------|----------|---------------|-----------------");
        foreach (EngineResult r in results)
        {
            string qRatio = queueRate is { } q ? (r.ActivitiesPerSecond / q).ToString("0.00", Inv) : "";
            string iRatio = insertRate is { } t ? (r.RequestsPerSecond / t).ToString("0.00", Inv) : "";
            sb.AppendLine(Inv, $"| {r.Name,-34} | {r.Instances,5} | {r.Activities,5} | {r.Elapsed.TotalSeconds,6:0.0} | {r.InstancesPerSecond,7:0.0} | {r.ActivitiesPerSecond,7:0.0} | {r.P50Ms,8:0.0} | {r.P99Ms,8:0.0} | {r.RequestsPerActivity,7:0.00} | {r.WorkRequestsPerActivity,8:0.00} | {qRatio,13} | {iRatio,15}");
        }

        sb.AppendLine();
        sb.AppendLine("req/act: all storage requests (worker + client, polling included) per activity; work/act: the same minus empty polls. Client and worker share one backend (as in the Functions host), so the client's requests are in both.");
        if (queueRate is not null)
        {
            sb.AppendLine(Inv, $"Raw limits this run: queue receive(32)+delete {queueRate:0.0} msg/s, table point insert {insertRate:0.0} req/s.");
        }

        sb.AppendLine();
        sb.AppendLine("### Requests per activity, by kind (client and worker share one backend)");
        foreach (EngineResult r in results.Where(r => r.Activities > 0 && r.WorkerRequests > 0))
        {
            IEnumerable<string> kinds = r.Breakdown.Where(p => p.Value > 0).OrderByDescending(p => p.Value)
                .Select(p => string.Create(Inv, $"{p.Key} {p.Value / (double)r.Activities:0.00}"));
            string client = r.ClientRequests > 0 ? string.Create(Inv, $"; client {r.ClientRequests / (double)r.Activities:0.00}") : string.Empty;
            sb.AppendLine(Inv, $"- {r.Name}: {string.Join(", ", kinds)}{client}");
        }

        return sb.ToString();
    }
}
