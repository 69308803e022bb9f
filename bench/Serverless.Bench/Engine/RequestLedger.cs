using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Bench.Engine;

/// <summary>
/// Counts every storage request by kind (queue receive, table update, …), so the engine figures can say where the
/// requests go. Receives that came back empty are counted apart: they are polling, not work.
/// </summary>
/// <remarks>Added per retry, like <see cref="Measurement.RequestCounter"/>, so retries count too.</remarks>
internal sealed class RequestLedger : HttpPipelineSynchronousPolicy
{
    public const string EmptyReceive = "queue receive (empty)";

    private readonly ConcurrentDictionary<string, StrongBox<long>> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> ticks = new(StringComparer.Ordinal);

    public long Total => this.counts.Values.Sum(c => Interlocked.Read(ref c.Value));

    public IReadOnlyDictionary<string, long> Snapshot() => this.counts.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>Total time spent waiting for responses, by kind, in <see cref="System.Diagnostics.Stopwatch"/> ticks (for traces).</summary>
    public IReadOnlyDictionary<string, long> TimeSnapshot() => this.ticks.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        message.SetProperty(typeof(RequestLedger), System.Diagnostics.Stopwatch.GetTimestamp());
        // Counted on the response for receives (to tell empty from full); a receive that gets no response still counts.
        if (Kind(message.Request) is not "queue receive")
        {
            this.Add(Kind(message.Request));
        }
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.TryGetProperty(typeof(RequestLedger), out object? sent) && sent is long at)
        {
            Interlocked.Add(ref this.ticks.GetOrAdd(Kind(message.Request), _ => new StrongBox<long>()).Value, System.Diagnostics.Stopwatch.GetTimestamp() - at);
        }

        if (Kind(message.Request) is "queue receive")
        {
            this.Add(message.Response.Status == 200 && !HasMessages(message.Response) ? EmptyReceive : "queue receive");
        }
    }

    private static bool HasMessages(Response response)
    {
        try
        {
            return response.Content.ToString().Contains("<QueueMessage>", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return true; // A streamed body cannot be read here; count it as work.
        }
    }

    private static string Kind(Request request)
    {
        string path = request.Uri.Path;
        string query = request.Uri.Query;
        string method = request.Method.Method;
        if (path.Contains("/messages", StringComparison.Ordinal))
        {
            bool one = !path.EndsWith("/messages", StringComparison.Ordinal);
            return (method, one) switch
            {
                ("GET", _) when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "queue peek",
                ("GET", _) => "queue receive",
                ("POST", _) => "queue send",
                ("DELETE", true) => "queue delete",
                ("PUT", true) => "queue update",
                _ => $"queue {method}",
            };
        }

        if (request.Headers.TryGetValue("DataServiceVersion", out _) || path.Contains("$batch", StringComparison.Ordinal) || path.EndsWith("/Tables", StringComparison.Ordinal))
        {
            bool pointKey = path.Contains("PartitionKey=", StringComparison.Ordinal) || path.Contains("PartitionKey%3D", StringComparison.Ordinal);
            return method switch
            {
                "POST" when path.Contains("$batch", StringComparison.Ordinal) => "table batch",
                "POST" => "table insert",
                "GET" when pointKey => "table point read",
                "GET" => "table query",
                "DELETE" => "table delete",
                _ => "table update",
            };
        }

        return query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase) ? "blob lease" : $"blob/other {method}";
    }

    private void Add(string kind) => Interlocked.Increment(ref this.counts.GetOrAdd(kind, _ => new StrongBox<long>()).Value);
}
