using Azure.Core;

namespace Serverless.Storage;

/// <summary>Options shared by the blob, table and queue clients: retries, diagnostics, transport.</summary>
/// <remarks>
/// Extra pipeline policies (for example a request counter in a benchmark) are added with
/// <c>ClientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry)</c>.
/// </remarks>
public class StorageClientOptions : ClientOptions
{
    /// <summary>Creates options with exponential retries suited to storage (3 retries from 200 ms, capped at 10 s).</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "serverless-storage";
    }
}
