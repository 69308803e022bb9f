using System.Net;

namespace Serverless.Bench.App;

/// <summary>
/// Status queries as applicants and CSCs make them while cases move: <c>GET /api/cases/{id}</c> and an SMS
/// <c>STATUS</c> (signed, a new message id each), alternately, from a few closed-loop callers until stopped.
/// </summary>
internal static class StatusLoad
{
    public const string GetCase = "status: GET /api/cases/{id}";
    public const string SmsStatus = "status: SMS STATUS";

    public static Task RunAsync(AppClient client, DemoKeys keys, LiveCases live, CallStats stats, int callers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            bool sms = caller % 2 == 1;
            while (!stop.IsCancellationRequested)
            {
                if (live.Pick() is not { } target)
                {
                    await Task.Delay(50, CancellationToken.None);
                    continue;
                }

                if (sms)
                {
                    var (status, reply) = await client.SmsAsync(stats, SmsStatus, target.Mobile, "STATUS");
                    if (status != HttpStatusCode.OK || !reply.Contains(target.CaseId, StringComparison.Ordinal))
                    {
                        stats.Record(SmsStatus + " (wrong reply)", 0, ok: false);
                    }
                }
                else
                {
                    await client.SendAsync(stats, GetCase, HttpMethod.Get, $"/api/cases/{target.CaseId}", keys.Csc);
                }

                sms = !sms;
            }
        }));
}
