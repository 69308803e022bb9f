using Azure.Core;
using Azure.Core.Pipeline;

namespace Emigrate.Tests.Data;

/// <summary>
/// Counts the requests a table client sends to one table (added per retry, so retries count too): entity requests
/// name the table in their path; entity-group transactions (<c>$batch</c>) are counted as well, as only list
/// maintenance submits them while a stage change is recorded.
/// </summary>
internal sealed class ListRequestCounter(string table) : HttpPipelineSynchronousPolicy
{
    private long count;

    public long Count => Interlocked.Read(ref this.count);

    public override void OnSendingRequest(HttpMessage message)
    {
        string path = message.Request.Uri.Path;
        if (path.Contains("/" + table, StringComparison.Ordinal) || path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref this.count);
        }
    }
}
