using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Storage.Core;

/// <summary>Holds a background request (each attempt of it) until fewer than the cap are in flight: see <see cref="BackgroundStorageTraffic"/>.</summary>
internal sealed class BackgroundTrafficPolicy : HttpPipelinePolicy
{
    public static BackgroundTrafficPolicy Instance { get; } = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        SemaphoreSlim? limiter = BackgroundStorageTraffic.LimiterForCurrentFlow();
        if (limiter is null)
        {
            ProcessNext(message, pipeline);
            return;
        }

        limiter.Wait(message.CancellationToken);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            limiter.Release();
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        SemaphoreSlim? limiter = BackgroundStorageTraffic.LimiterForCurrentFlow();
        if (limiter is null)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            return;
        }

        await limiter.WaitAsync(message.CancellationToken).ConfigureAwait(false);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            limiter.Release();
        }
    }
}
