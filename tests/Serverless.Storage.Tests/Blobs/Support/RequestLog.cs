using System.Collections.Concurrent;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>A pipeline policy that records each request's method, <c>comp</c> and <c>restype</c> parameters and status.</summary>
public sealed class RequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var query = HttpUtility.ParseQueryString(message.Request.Uri.Query);
        _entries.Enqueue(new Entry(message.Request.Method.Method, query["comp"], query["restype"], message.Response.Status));
    }

    /// <summary>How many blob (not container) requests with this method and <c>comp</c> (null: none) got a response.</summary>
    public int Count(string method, string? comp) =>
        _entries.Count(e => e.Method == method && e.Comp == comp && e.Restype is null);

    public void Clear() => _entries.Clear();

    public sealed record Entry(string Method, string? Comp, string? Restype, int Status);
}
