using Azure;
using Serverless.Durable.Backend;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

internal sealed partial class InstanceStore
{
    // Status, name and creation-day rows are shared by many instances per partition: written by group commit.
    private readonly IndexRowWriter indexRows = new(storage.Index);

    /// <summary>Writes the status index row of a state: partition = status, row = instance key, with the name and creation time to filter on.</summary>
    /// <remarks>Written before the instance row takes the status, so a query never misses an instance; queries check each hit against the instance row.</remarks>
    public async Task UpsertIndexAsync(OrchestrationState state, CancellationToken cancellationToken)
    {
        var row = new TableEntity(TaskHubLayout.StatusPartition(state.Status), TaskHubLayout.Key(state.InstanceId))
        {
            ["NameKey"] = state.Name.ToUpperInvariant(),
            ["CreatedAt"] = state.CreatedAt,
        };
        await this.indexRows.UpsertAsync(row, cancellationToken);
    }

    /// <summary>Writes the name and creation-day index rows of a new instance (a row = instance key, with the name and creation time to filter on).</summary>
    /// <remarks>An instance's name and creation time never change, so these rows are written once, when it is created, and deleted by purge.</remarks>
    public Task UpsertLookupIndexesAsync(OrchestrationState state, CancellationToken cancellationToken) =>
        Task.WhenAll(new[] { TaskHubLayout.NamePartition(state.Name), TaskHubLayout.CreatedPartition(state.CreatedAt) }.Select(partition =>
            this.indexRows.UpsertAsync(
                new TableEntity(partition, TaskHubLayout.Key(state.InstanceId)) { ["NameKey"] = state.Name.ToUpperInvariant(), ["CreatedAt"] = state.CreatedAt },
                cancellationToken)));

    /// <summary>Deletes the name and creation-day index rows of an instance; missing rows are fine.</summary>
    public Task DeleteLookupIndexesAsync(string instanceId, string name, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        Task.WhenAll(new[] { TaskHubLayout.NamePartition(name), TaskHubLayout.CreatedPartition(createdAt) }.Select(partition =>
            this.indexRows.DeleteAsync(partition, TaskHubLayout.Key(instanceId), cancellationToken)));

    /// <summary>Deletes the status index row of an instance for one status; a missing row is fine.</summary>
    public async Task DeleteIndexAsync(string instanceId, OrchestrationRuntimeStatus status, CancellationToken cancellationToken) =>
        await this.indexRows.DeleteAsync(TaskHubLayout.StatusPartition(status), TaskHubLayout.Key(instanceId), cancellationToken);

    /// <summary>Deletes the index rows of every status in <paramref name="indexedStatuses"/>.</summary>
    public Task DeleteIndexesAsync(string instanceId, int indexedStatuses, CancellationToken cancellationToken) =>
        Task.WhenAll(Enum.GetValues<OrchestrationRuntimeStatus>()
            .Where(s => (indexedStatuses & InstanceRecord.Bit(s)) != 0)
            .Select(s => this.DeleteIndexAsync(instanceId, s, cancellationToken)));
}
