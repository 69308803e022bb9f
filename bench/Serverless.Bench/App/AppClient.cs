using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emigrate.Sms;

namespace Serverless.Bench.App;

/// <summary>Calls the host over HTTP as the portal and the SMS gateway do, timing every call by its type.</summary>
internal sealed class AppClient(Uri baseAddress, string smsSecret) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>
    /// Sends a call; answers the status and the JSON body (null when there is none). A status other than
    /// <paramref name="expected"/> counts as a failure. The call is timed from <paramref name="dueAt"/> when given (a
    /// <see cref="Stopwatch"/> timestamp): an open-loop caller's latency includes any wait to send a call that was due.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        CallStats stats, string call, HttpMethod method, string path, string key, HttpContent? content = null, HttpStatusCode expected = HttpStatusCode.OK, long? dueAt = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("x-functions-key", key);
        long start = dueAt ?? Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await this._http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        stats.Record(call, Stopwatch.GetTimestamp() - start, response.StatusCode == expected);
        JsonNode? body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true ? JsonNode.Parse(text) : null;
        return (response.StatusCode, body);
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(CallStats stats, string call, string path, string key, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK) =>
        this.SendAsync(stats, call, HttpMethod.Post, path, key, JsonContent.Create(body), expected);

    /// <summary>An SMS from <paramref name="mobile"/> through the gateway webhook, signed, with a new message id; answers the reply text. Timed as <see cref="SendAsync"/> is.</summary>
    public async Task<(HttpStatusCode Status, string Reply)> SmsAsync(CallStats stats, string call, string mobile, string text, long? dueAt = null)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["From"] = mobile,
            ["Body"] = text,
            ["MessageId"] = "bench-" + Guid.NewGuid().ToString("N"),
        };
        var url = new Uri(this._http.BaseAddress!, "/api/sms/inbound");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(smsSecret, url.ToString(), form));
        long start = dueAt ?? Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await this._http.SendAsync(request);
        string reply = await response.Content.ReadAsStringAsync();
        stats.Record(call, Stopwatch.GetTimestamp() - start, response.StatusCode == HttpStatusCode.OK);
        return (response.StatusCode, reply);
    }

    public void Dispose() => this._http.Dispose();
}
