using Azure;
using Serverless.Durable.Backend;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

internal sealed partial class InstanceStore
{
    /// <summary>Writes the status index row of a state: partition = status, row = instance key, with the name and creation time to filter on.</summary>
    /// <remarks>Written before the instance row takes the status, so a query never misses an instance; queries check each hit against the instance row.</remarks>
    public async Task UpsertIndexAsync(OrchestrationState state, CancellationToken cancellationToken)
    {
        var row = new TableEntity(TaskHubLayout.StatusPartition(state.Status), TaskHubLayout.Key(state.InstanceId))
        {
            ["NameKey"] = state.Name.ToUpperInvariant(),
            ["CreatedAt"] = state.CreatedAt,
        };
        await storage.Index.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deletes the status index row of an instance for one status; a missing row is fine.</summary>
    public async Task DeleteIndexAsync(string instanceId, OrchestrationRuntimeStatus status, CancellationToken cancellationToken) =>
        await storage.Index.DeleteEntityAsync(TaskHubLayout.StatusPartition(status), TaskHubLayout.Key(instanceId), ETag.All, cancellationToken);

    /// <summary>Deletes the index rows of every status in <paramref name="indexedStatuses"/>.</summary>
    public Task DeleteIndexesAsync(string instanceId, int indexedStatuses, CancellationToken cancellationToken) =>
        Task.WhenAll(Enum.GetValues<OrchestrationRuntimeStatus>()
            .Where(s => (indexedStatuses & InstanceRecord.Bit(s)) != 0)
            .Select(s => this.DeleteIndexAsync(instanceId, s, cancellationToken)));
}
