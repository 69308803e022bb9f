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

    public void Reset()
    {
        Interlocked.Exchange(ref this.requests, 0);
        Interlocked.Exchange(ref this.entities, 0);
    }

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref this.requests);

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
