using Serverless.Durable.AzureStorage;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;
using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureLayoutAndPayloadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Starting_a_worker_creates_the_hub_layout_and_leases_every_partition()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var test = new AzureStorageTestBackend(azurite, new ManualTimeProvider(), configure: o => o.PartitionCount = 3);
        string hub = test.HubName;

        Assert.Null(await test.Backend.LockNextOrchestrationWorkItemAsync(timeout.Token));

        foreach (string table in new[] { "Instances", "History", "Index" })
        {
            await new TableClient(azurite.ConnectionString, hub + table).QueryAsync<TableEntity>(maxPerPage: 1).AsPages().GetAsyncEnumerator().MoveNextAsync();
        }

        string lower = hub.ToLowerInvariant();
        foreach (string queue in new[] { "-control-00", "-control-01", "-control-02", "-workitems", "-poison" })
        {
            Assert.True((await new QueueClient(azurite.ConnectionString, lower + queue).ExistsAsync()).Value, queue);
        }

        Assert.True((await new BlobContainerClient(azurite.ConnectionString, lower + "-payloads").ExistsAsync()).Value);
        var leases = new BlobContainerClient(azurite.ConnectionString, lower + "-leases");
        foreach (string blob in new[] { "control-00", "control-01", "control-02" })
        {
            Assert.Equal(Serverless.Storage.Blobs.LeaseState.Leased, (await leases.GetBlobClient(blob).GetPropertiesAsync()).Value.LeaseState);
        }

        Assert.Equal([0, 1, 2], test.AzureBackend.OwnedPartitions.Order());
    }

    [Fact]
    public async Task Large_inputs_events_and_outputs_round_trip_through_blobs_and_are_purged()
    {
        string input = new('i', 200_000);
        string eventPayload = new('e', 200_000);
        var clock = new ManualTimeProvider();
        var test = new AzureStorageTestBackend(azurite, clock, new TestLog(output));
        await using var host = await DurableTestHost.StartAsync(test, clock, new TestLog(output), r => r
            .AddActivity<string, string>("Grow", (_, s) => Task.FromResult(string.Concat(Enumerable.Repeat(s!, 10))))
            .AddOrchestrator<string, string>("Big", async (ctx, s) =>
            {
                string e = await ctx.WaitForExternalEvent<string>("payload");
                string grown = await ctx.CallActivityAsync<string>("Grow", s);
                return grown + e.Length;
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Big", input, new("big/payload#1"));
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "payload", eventPayload);
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(input, done.ReadInputAs<string>());
        Assert.Equal(string.Concat(Enumerable.Repeat(input, 10)) + "200000", done.ReadOutputAs<string>());
        var history = await host.HistoryAsync(id);
        Assert.Equal(eventPayload, StoredPayload(Assert.Single(history.OfType<EventRaisedEvent>()).Input));
        Assert.Equal(2_000_000 + 2, Assert.Single(history.OfType<TaskCompletedEvent>()).Result!.Length);

        var payloads = new BlobContainerClient(azurite.ConnectionString, test.HubName.ToLowerInvariant() + "-payloads");
        Assert.NotEmpty(await Names(payloads, "big%2Fpayload%231/"));

        await host.WaitForIdleAsync();
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);
        Assert.Empty(await Names(payloads, "big%2Fpayload%231/"));
        Assert.Null(await host.Client.GetInstanceAsync(id));
        Assert.Empty(await host.HistoryAsync(id));
    }

    private static string StoredPayload(string? json) => System.Text.Json.JsonSerializer.Deserialize<string>(json!)!;

    private static async Task<List<string>> Names(BlobContainerClient container, string prefix)
    {
        var names = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(prefix: prefix))
        {
            names.Add(item.Name);
        }

        return names;
    }
}
