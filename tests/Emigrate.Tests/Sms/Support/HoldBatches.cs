using Azure.Core;
using Azure.Core.Pipeline;

namespace Emigrate.Tests.Sms.Support;

/// <summary>Holds entity-group transactions (how the outbox records) at the transport until opened, or fails them.</summary>
internal sealed class HoldBatches : HttpPipelinePolicy
{
    private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a transaction is first held.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether transactions are held (or failed) now; others pass.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Fail transactions instead of holding them.</summary>
    public bool Fail { get; set; }

    public void Open() => this.open.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The clients here are asynchronous.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (this.Active && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            if (this.Fail)
            {
                throw new InvalidOperationException("The storage account is unreachable.");
            }

            this.Held.TrySetResult();
            await this.open.Task;
        }

        await ProcessNextAsync(message, pipeline);
    }
}
