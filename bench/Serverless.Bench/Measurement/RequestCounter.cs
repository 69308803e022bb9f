using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Bench.Measurement;

/// <summary>Counts every HTTP attempt a storage client sends (added per retry, so retries count too).</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
