using Azure.Core;
using Serverless.Durable.AzureStorage;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

[Collection(AzuriteCollection.Name)]
public sealed class IndexRowWriterTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));

    [Fact]
    public async Task Concurrent_writes_to_one_partition_go_together_and_every_row_lands()
    {
        var counter = new StorageRequestCounter();
        TableClient table = await this.TableAsync(counter);
        var writer = new IndexRowWriter(table);
        counter.Reset();

        await Task.WhenAll(Enumerable.Range(0, 250).Select(i => writer.UpsertAsync(new TableEntity("s-Running", $"i{i:D3}") { ["N"] = i }, this.timeout.Token)));

        Assert.Equal(250, (await this.RowsAsync(table)).Count);
        Assert.True(counter.Requests < 250, $"{counter.Requests} requests for 250 rows: {counter.Breakdown}");
    }

    [Fact]
    public async Task Writes_of_one_row_keep_their_order_and_a_delete_of_a_missing_row_does_not_fail_the_others()
    {
        TableClient table = await this.TableAsync(null);
        var writer = new IndexRowWriter(table);

        // In one burst: a row written, deleted and written again; another deleted though it never existed.
        Task[] writes =
        [
            writer.UpsertAsync(new TableEntity("s-Pending", "a") { ["V"] = 1 }, this.timeout.Token),
            writer.DeleteAsync("s-Pending", "never", this.timeout.Token),
            writer.DeleteAsync("s-Pending", "a", this.timeout.Token),
            writer.UpsertAsync(new TableEntity("s-Pending", "b") { ["V"] = 2 }, this.timeout.Token),
            writer.UpsertAsync(new TableEntity("s-Pending", "a") { ["V"] = 3 }, this.timeout.Token),
        ];
        await Task.WhenAll(writes);

        List<TableEntity> rows = await this.RowsAsync(table);
        Assert.Equal(["a", "b"], rows.Select(r => r.RowKey).Order());
        Assert.Equal(3, rows.Single(r => r.RowKey == "a").GetInt32("V"));
    }

    private async Task<TableClient> TableAsync(StorageRequestCounter? counter)
    {
        var options = new StorageClientOptions();
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        }

        var table = new TableClient(azurite.ConnectionString, "idx" + Guid.NewGuid().ToString("N")[..12], options);
        await table.CreateIfNotExistsAsync(this.timeout.Token);
        return table;
    }

    private async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(cancellationToken: this.timeout.Token))
        {
            rows.Add(row);
        }

        return rows;
    }
}
