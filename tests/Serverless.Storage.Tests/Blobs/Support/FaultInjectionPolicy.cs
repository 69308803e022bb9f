using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>Fails the n-th request matching a predicate with an <see cref="IOException"/>, as a dropped connection would.</summary>
/// <remarks>Added per call (before the retry policy), so the failure reaches the client instead of being retried.</remarks>
public sealed class FaultInjectionPolicy(Func<HttpMessage, bool> matches, int failOnMatch) : HttpPipelinePolicy
{
    private int _matched;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The blob client is async only.");

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (matches(message) && Interlocked.Increment(ref _matched) == failOnMatch)
        {
            throw new IOException("Connection reset (injected).");
        }

        return ProcessNextAsync(message, pipeline);
    }
}
