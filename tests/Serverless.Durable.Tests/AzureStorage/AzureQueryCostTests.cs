using Azure.Core;
using Serverless.Durable.Backend;
using Serverless.Durable.InMemory;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureQueryCostTests(AzuriteFixture azurite)
{
    private const int PerPrefix = 20;

    [Fact]
    public async Task Prefix_status_and_name_queries_read_a_page_of_rows_not_every_instance()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var counter = new StorageRequestCounter();
        await using var test = new AzureStorageTestBackend(azurite, new ManualTimeProvider(), configure: o => o.ConfigureClients = c => c.AddPolicy(counter, HttpPipelinePosition.PerRetry));
        IOrchestrationBackend backend = test.Backend;
        foreach (string prefix in new[] { "a", "b", "c" })
        {
            await Task.WhenAll(Enumerable.Range(0, PerPrefix).Select(i =>
                AzureTestInstances.CreateAsync(backend, $"{prefix}-{i:D2}", timeout.Token, name: prefix == "b" ? "Beta" : "Other")));
        }

        counter.Reset();
        InstanceQueryPage byPrefix = await backend.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "b-", PageSize = 5 }, timeout.Token);
        Assert.Equal(["b-00", "b-01", "b-02", "b-03", "b-04"], byPrefix.States.Select(s => s.InstanceId));
        Assert.Equal(1, counter.Requests);
        Assert.Equal(6, counter.Entities);

        counter.Reset();
        InstanceQueryPage next = await backend.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "b-", PageSize = 5, ContinuationToken = byPrefix.ContinuationToken }, timeout.Token);
        Assert.Equal(["b-05", "b-06", "b-07", "b-08", "b-09"], next.States.Select(s => s.InstanceId));
        Assert.Equal(6, counter.Entities);

        // Status: one index partition range (a page and one row), then one point read per hit to check it.
        counter.Reset();
        InstanceQueryPage byStatus = await backend.QueryInstancesAsync(
            new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Pending], InstanceIdPrefix = "c-", PageSize = 4 }, timeout.Token);
        Assert.Equal(["c-00", "c-01", "c-02", "c-03"], byStatus.States.Select(s => s.InstanceId));
        Assert.Equal(1 + 4, counter.Requests);
        Assert.Equal(5 + 4, counter.Entities);

        counter.Reset();
        InstanceQueryPage byName = await backend.QueryInstancesAsync(
            new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Pending], Name = "beta", PageSize = 3 }, timeout.Token);
        Assert.Equal(["b-00", "b-01", "b-02"], byName.States.Select(s => s.InstanceId));
        Assert.Equal(4 + 3, counter.Entities);
        Assert.True(counter.Entities < PerPrefix * 3);
    }

    [Fact]
    public async Task Name_only_and_creation_time_only_queries_are_served_by_an_index_not_by_reading_the_instances_table()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var counter = new StorageRequestCounter();
        await using var test = new AzureStorageTestBackend(azurite, new ManualTimeProvider(), configure: o => o.ConfigureClients = c => c.AddPolicy(counter, HttpPipelinePosition.PerRetry));
        IOrchestrationBackend backend = test.Backend;

        // 60 instances over three days, one in ten named "Rare".
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => AzureTestInstances.CreateAsync(
            backend, $"q-{i:D2}", timeout.Token, name: i % 10 == 0 ? "Rare" : "Common", createdAt: AzureTestInstances.Start.AddDays(i / 20))));

        // Name: one range query on the name's index partition, then one point read per hit to check it.
        counter.Reset();
        InstanceQueryPage byName = await backend.QueryInstancesAsync(new InstanceQuery { Name = "rare", PageSize = 10 }, timeout.Token);
        Assert.Equal(["q-00", "q-10", "q-20", "q-30", "q-40", "q-50"], byName.States.Select(s => s.InstanceId));
        Assert.Null(byName.ContinuationToken);
        Assert.DoesNotContain("GET Instances()", counter.Breakdown, StringComparison.Ordinal);
        Assert.Equal(1 + 6, counter.Requests);

        // Creation time: one range query per day the range spans (here one), then the point reads; paged in id order.
        counter.Reset();
        var day2 = new InstanceQuery { CreatedFrom = AzureTestInstances.Start.AddDays(1), CreatedTo = AzureTestInstances.Start.AddDays(1).AddHours(12), PageSize = 5 };
        InstanceQueryPage byDay = await backend.QueryInstancesAsync(day2, timeout.Token);
        Assert.Equal(["q-20", "q-21", "q-22", "q-23", "q-24"], byDay.States.Select(s => s.InstanceId));
        Assert.DoesNotContain("GET Instances()", counter.Breakdown, StringComparison.Ordinal);
        Assert.Equal(1 + 5, counter.Requests);
        Assert.Equal(6 + 5, counter.Entities);

        InstanceQueryPage next = await backend.QueryInstancesAsync(day2 with { ContinuationToken = byDay.ContinuationToken }, timeout.Token);
        Assert.Equal(["q-25", "q-26", "q-27", "q-28", "q-29"], next.States.Select(s => s.InstanceId));
    }
}
