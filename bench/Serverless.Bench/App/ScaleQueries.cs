using System.Net;
using System.Text.Json.Nodes;
using Serverless.Bench.Measurement;

namespace Serverless.Bench.App;

/// <summary>
/// The queries whose speed must not depend on how many cases exist: lists (first page and up to two more through
/// the continuation token) for the CSC and the PoE office's verifier, with and without a stage filter, a case by
/// id and an SMS STATUS. Each is timed per request.
/// </summary>
internal static class ScaleQueries
{
    public const int PagesPerList = 3;

    public static readonly string[] Calls =
    [
        "list csc-operator (all), per page",
        "list csc-operator ?stage=cleared, per page",
        "list csc-operator ?stage=awaitingDocuments, per page",
        "list verifier (jurisdiction), per page",
        "list verifier ?stage=clearanceSubmitted, per page",
        "GET /api/cases/{id}",
        "SMS STATUS",
    ];

    /// <summary>Runs each query <paramref name="samples"/> times from <paramref name="callers"/> callers against the driven cases (the same ones at every scale).</summary>
    public static async Task RunAsync(AppClient client, DemoKeys keys, LiveCases targets, RequestCounter tableRequests, int samples, int callers, CallStats stats)
    {

        // One query type at a time, so the app's table requests in between are that query's (engine polls are not on this client).
        async Task Repeat(Func<Task> query, string call)
        {
            long before = tableRequests.Count;
            int left = samples;
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                while (Interlocked.Decrement(ref left) >= 0)
                {
                    await query();
                }
            }));
            stats.AddRequests(call, tableRequests.Count - before);
        }

        await Repeat(() => ListAsync(client, stats, Calls[0], keys.Csc, null), Calls[0]);
        await Repeat(() => ListAsync(client, stats, Calls[1], keys.Csc, "cleared"), Calls[1]);
        await Repeat(() => ListAsync(client, stats, Calls[2], keys.Csc, "awaitingDocuments"), Calls[2]);
        await Repeat(() => ListAsync(client, stats, Calls[3], keys.Verifier, null), Calls[3]);
        await Repeat(() => ListAsync(client, stats, Calls[4], keys.Verifier, "clearanceSubmitted"), Calls[4]);
        await Repeat(() => client.SendAsync(stats, Calls[5], HttpMethod.Get, $"/api/cases/{targets.Pick()!.Value.CaseId}", keys.Csc), Calls[5]);
        await Repeat(async () =>
        {
            var target = targets.Pick()!.Value;
            var (status, reply) = await client.SmsAsync(stats, Calls[6], target.Mobile, "STATUS");
            if (status != HttpStatusCode.OK || !reply.Contains(target.CaseId, StringComparison.Ordinal))
            {
                stats.Record(Calls[6] + " (wrong reply)", 0, ok: false);
            }
        }, Calls[6]);
    }

    private static async Task ListAsync(AppClient client, CallStats stats, string call, string key, string? stage)
    {
        string? token = null;
        for (int page = 0; page < PagesPerList; page++)
        {
            var query = new List<string>();
            if (stage is not null)
            {
                query.Add("stage=" + stage);
            }

            if (token is not null)
            {
                query.Add("continuationToken=" + Uri.EscapeDataString(token));
            }

            string path = "/api/cases" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            var (_, body) = await client.SendAsync(stats, call, HttpMethod.Get, path, key);
            token = body?["continuationToken"] is JsonValue t ? t.GetValue<string>() : null;
            if (token is null)
            {
                return;
            }
        }
    }
}
