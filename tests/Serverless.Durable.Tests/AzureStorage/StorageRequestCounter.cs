using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>Counts every storage request (per retry) and the table entities their answers carried.</summary>
public sealed partial class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long requests;
    private long entities;

    public long Requests => Interlocked.Read(ref this.requests);

    /// <summary>Table entities read: every <c>"PartitionKey"</c> in a JSON answer (every read selects it).</summary>
    public long Entities => Interlocked.Read(ref this.entities);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> kinds = new();

    /// <summary>Requests by method and resource (queue, table or container, without the hub's prefix).</summary>
    public string Breakdown => string.Join(", ", this.kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}: {k.Value}"));

    public void Reset()
    {
        this.kinds.Clear();
        Interlocked.Exchange(ref this.requests, 0);
        Interlocked.Exchange(ref this.entities, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref this.requests);
        string path = message.Request.Uri.Path;
        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string resource = segments.Length > 1 ? segments[1] : path;
        resource = resource.Length > 13 ? resource[13..] : resource;
        string query = message.Request.Uri.Query.Contains("peekonly", StringComparison.Ordinal) ? " peek" : string.Empty;
        this.kinds.AddOrUpdate($"{message.Request.Method} {resource}{query}", 1, (_, n) => n + 1);
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Response.Headers.ContentType?.Contains("json", StringComparison.Ordinal) == true && message.Response.ContentStream is { CanSeek: true })
        {
            Interlocked.Add(ref this.entities, PartitionKey().Count(message.Response.Content.ToString()));
        }
    }

    [GeneratedRegex("\"PartitionKey\"")]
    private static partial Regex PartitionKey();
}
