namespace Serverless.Durable.Client;

public abstract partial class DurableTaskClient
{
    /// <summary>Reads one instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether to include payloads.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>The metadata, or <see langword="null"/> when there is no such instance.</returns>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Lists instances, lazily, page by page.</summary>
    /// <param name="filter">The filter; <see langword="null"/> for all.</param>
    /// <returns>The instances, ordered by id.</returns>
    public abstract AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);

    /// <summary>Deletes a finished instance and its history.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>One purged, or none when absent or not finished.</returns>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes every finished instance that matches the filter.</summary>
    /// <param name="filter">Which instances.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>How many were purged.</returns>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);
}
