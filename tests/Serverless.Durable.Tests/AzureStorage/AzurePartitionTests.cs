using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tables;
using Serverless.Durable.Tests.Support;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

[Collection(AzuriteCollection.Name)]
public sealed class AzurePartitionTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));

    [Fact]
    public async Task A_second_worker_takes_half_the_partitions_and_all_of_them_once_the_first_stops()
    {
        string hub = AzureStorageTestBackend.NewHubName();
        await using var first = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 4, hubName: hub);
        await using var second = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 4, hubName: hub);
        Assert.Null(await first.Backend.LockNextOrchestrationWorkItemAsync(this.timeout.Token));
        Assert.Equal(4, first.AzureBackend.OwnedPartitions.Count);

        Assert.Null(await second.Backend.LockNextOrchestrationWorkItemAsync(this.timeout.Token));
        Assert.Empty(second.AzureBackend.OwnedPartitions);
        await first.AzureBackend.ManageLeasesOnceAsync(this.timeout.Token);
        await second.AzureBackend.ManageLeasesOnceAsync(this.timeout.Token);
        Assert.Equal(2, first.AzureBackend.OwnedPartitions.Count);
        Assert.Equal(2, second.AzureBackend.OwnedPartitions.Count);
        Assert.Empty(first.AzureBackend.OwnedPartitions.Intersect(second.AzureBackend.OwnedPartitions));

        await first.AzureBackend.StopAsync(this.timeout.Token);
        await second.AzureBackend.ManageLeasesOnceAsync(this.timeout.Token);
        Assert.Equal([0, 1, 2, 3], second.AzureBackend.OwnedPartitions.Order());

        // Whatever partition an instance maps to, the remaining worker now serves it.
        foreach (string id in new[] { "w-1", "w-2", "w-3", "w-4", "w-5" })
        {
            await AzureTestInstances.CreateAsync(second.Backend, id, this.timeout.Token);
        }

        var seen = new HashSet<string>();
        while (seen.Count < 5)
        {
            OrchestrationWorkItem item = await BackendPolling.LockOrchestrationAsync(second.Backend, this.timeout.Token);
            seen.Add(item.InstanceId);
            await second.Backend.CompleteOrchestrationWorkItemAsync(item, AzureTestInstances.Commit(item, "served"), this.timeout.Token);
        }
    }

    [Fact]
    public async Task A_worker_that_lost_its_partition_fails_its_commit_and_the_new_owner_takes_the_messages()
    {
        string hub = AzureStorageTestBackend.NewHubName();
        await using var first = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1, hubName: hub);
        await using var second = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1, hubName: hub);
        await AzureTestInstances.CreateAsync(first.Backend, "lost", this.timeout.Token);
        OrchestrationWorkItem stale = await BackendPolling.LockOrchestrationAsync(first.Backend, this.timeout.Token);

        // The lease is broken (as when it expires) and the second worker takes the partition.
        await new BlobContainerClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-leases").GetBlobClient("control-00").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        Assert.Null(await second.Backend.LockNextOrchestrationWorkItemAsync(this.timeout.Token));
        Assert.Equal([0], second.AzureBackend.OwnedPartitions);
        await first.AzureBackend.ManageLeasesOnceAsync(this.timeout.Token);
        Assert.Empty(first.AzureBackend.OwnedPartitions);

        await Assert.ThrowsAsync<WorkItemLockLostException>(() =>
            first.Backend.CompleteOrchestrationWorkItemAsync(stale, AzureTestInstances.Commit(stale, "stale"), this.timeout.Token));
        Assert.Empty(await first.Backend.GetHistoryAsync("lost", this.timeout.Token));

        OrchestrationWorkItem taken = await BackendPolling.LockOrchestrationAsync(second.Backend, this.timeout.Token);
        Assert.Equal("lost", taken.InstanceId);
        Assert.Equal(2, taken.Messages.Single().DequeueCount);
        await second.Backend.CompleteOrchestrationWorkItemAsync(taken, AzureTestInstances.Commit(taken, "fresh"), this.timeout.Token);
        Assert.Equal("fresh", Assert.IsType<EventRaisedEvent>(Assert.Single(await second.Backend.GetHistoryAsync("lost", this.timeout.Token))).Name);
    }

    [Fact]
    public async Task History_rows_of_a_writer_whose_row_update_failed_are_ignored_and_overwritten()
    {
        var clock = new ManualTimeProvider();
        await using var test = new AzureStorageTestBackend(azurite, clock, configure: o => o.PartitionCount = 1);
        IOrchestrationBackend backend = test.Backend;
        await AzureTestInstances.CreateAsync(backend, "overflow", this.timeout.Token);
        OrchestrationWorkItem stale = await BackendPolling.LockOrchestrationAsync(backend, this.timeout.Token);

        // Someone else changes the row behind the lock: the stale step's big commit writes history rows, then fails on the ETag.
        var instances = new TableClient(azurite.ConnectionString, test.HubName + "Instances");
        await instances.UpsertEntityAsync(new TableEntity("overflow", "@") { ["CustomStatus"] = "\"meddled\"" }, TableUpdateMode.Merge);
        await Assert.ThrowsAsync<WorkItemLockLostException>(() =>
            backend.CompleteOrchestrationWorkItemAsync(stale, AzureTestInstances.Commit(stale, "stale", events: 40, padding: 2_000), this.timeout.Token));

        var history = new TableClient(azurite.ConnectionString, test.HubName + "History");
        Assert.NotEmpty(await Rows(history));
        Assert.Empty(await backend.GetHistoryAsync("overflow", this.timeout.Token));

        OrchestrationWorkItem fresh = await BackendPolling.LockOrchestrationAsync(backend, this.timeout.Token);
        await backend.CompleteOrchestrationWorkItemAsync(fresh, AzureTestInstances.Commit(fresh, "fresh", events: 30, padding: 2_000), this.timeout.Token);

        var events = await backend.GetHistoryAsync("overflow", this.timeout.Token);
        Assert.Equal(30, events.Count);
        Assert.All(events, e => Assert.Equal("fresh", Assert.IsType<EventRaisedEvent>(e).Name));
        Assert.Equal("fresh", (await backend.GetStateAsync("overflow", true, this.timeout.Token))!.CustomStatus);
    }

    private static async Task<List<TableEntity>> Rows(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
