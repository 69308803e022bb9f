using System.Net;
using Serverless.Bench.Measurement;

namespace Serverless.Bench.App;

/// <summary>
/// Status queries as applicants and CSCs make them while cases move: <c>GET /api/cases/{id}</c> and an SMS
/// <c>STATUS</c> (signed, a new message id each) on a random live case, until stopped.
/// </summary>
/// <remarks>
/// Two shapes of load. <see cref="RunAtRateAsync"/> is open-loop, as status traffic from many people is: calls are
/// sent when due whether or not earlier ones have answered, and each is timed from when it was due, so a stall is
/// paid by every call that waits behind it. Its p99 is the latency at that offered load. <see cref="RunClosedLoopAsync"/>
/// has a few callers each sending its next call as soon as the last answers: the most the system serves alongside the
/// cases, at whatever latency that takes, since the callers themselves keep the emulator busy.
/// </remarks>
internal static class StatusLoad
{
    public const string GetCase = "status: GET /api/cases/{id}";
    public const string SmsStatus = "status: SMS STATUS";

    /// <summary>Each kind of query at <paramref name="perSecond"/> calls a second, open-loop.</summary>
    public static Task RunAtRateAsync(AppClient client, DemoKeys keys, LiveCases live, CallStats stats, double perSecond, CancellationToken stop) =>
        Task.WhenAll(
            OpenLoop.RunAsync(perSecond, int.MaxValue, (_, due) => GetAsync(client, keys, live, stats, due), stop),
            OpenLoop.RunAsync(perSecond, int.MaxValue, (_, due) => SmsAsync(client, live, stats, due), stop));

    /// <summary><paramref name="callers"/> closed-loop callers, alternating the two kinds of query.</summary>
    public static Task RunClosedLoopAsync(AppClient client, DemoKeys keys, LiveCases live, CallStats stats, int callers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            bool sms = caller % 2 == 1;
            while (!stop.IsCancellationRequested)
            {
                bool sent = sms ? await SmsAsync(client, live, stats, dueAt: null) : await GetAsync(client, keys, live, stats, dueAt: null);
                if (!sent)
                {
                    await Task.Delay(50, CancellationToken.None);
                }

                sms = !sms;
            }
        }));

    /// <summary>One case read; false when no case is live yet.</summary>
    private static async Task<bool> GetAsync(AppClient client, DemoKeys keys, LiveCases live, CallStats stats, long? dueAt)
    {
        if (live.Pick() is not { } target)
        {
            return false;
        }

        await client.SendAsync(stats, GetCase, HttpMethod.Get, $"/api/cases/{target.CaseId}", keys.Csc, dueAt: dueAt);
        return true;
    }

    /// <summary>One SMS STATUS, its reply checked for the case id; false when no case is live yet.</summary>
    private static async Task<bool> SmsAsync(AppClient client, LiveCases live, CallStats stats, long? dueAt)
    {
        if (live.Pick() is not { } target)
        {
            return false;
        }

        var (status, reply) = await client.SmsAsync(stats, SmsStatus, target.Mobile, "STATUS", dueAt);
        if (status != HttpStatusCode.OK || !reply.Contains(target.CaseId, StringComparison.Ordinal))
        {
            stats.Record(SmsStatus + " (wrong reply)", 0, ok: false);
        }

        return true;
    }
}
