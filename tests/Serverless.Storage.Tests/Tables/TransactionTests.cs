using Azure;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TransactionTests(AzuriteFixture fixture) : TableTestBase(fixture, "tx")
{
    [Fact]
    public async Task A_transaction_applies_every_kind_of_action_and_returns_a_response_per_action()
    {
        const string P = "kinds";
        await Table.AddEntityAsync(new TableEntity(P, "merge") { ["Name"] = "m1", ["Keep"] = "kept" });
        await Table.AddEntityAsync(new TableEntity(P, "replace") { ["Name"] = "r1", ["Drop"] = "dropped" });
        await Table.AddEntityAsync(new TableEntity(P, "delete"));
        await Table.AddEntityAsync(new TableEntity(P, "upsert-merge") { ["Name"] = "um1", ["Keep"] = "kept" });
        var mergeEtag = (await Table.GetEntityAsync<TableEntity>(P, "merge")).Value.ETag;

        var result = await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new CaseEntity { PartitionKey = P, RowKey = "add", Name = "added" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity(P, "merge") { ["Name"] = "m2" }, mergeEtag),
            new(TableTransactionActionType.UpdateReplace, new CaseEntity { PartitionKey = P, RowKey = "replace", Name = "r2" }, ETag.All),
            new(TableTransactionActionType.Delete, new TableEntity(P, "delete")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity(P, "upsert-merge") { ["Name"] = "um2" }),
            new(TableTransactionActionType.UpsertReplace, new CaseEntity { PartitionKey = P, RowKey = "upsert-replace", Name = "ur" }),
        ]);

        Assert.Equal(6, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.All(result.Value.Where((_, i) => i != 3), r => Assert.NotNull(r.Headers.ETag));
        Assert.Equal("added", (await Get(P, "add")).GetString("Name"));
        var merged = await Get(P, "merge");
        Assert.Equal(("m2", "kept"), (merged.GetString("Name"), merged.GetString("Keep")));
        Assert.Equal(result.Value[1].Headers.ETag, merged.ETag);
        var replaced = await Get(P, "replace");
        Assert.Equal(("r2", false), (replaced.GetString("Name"), replaced.ContainsKey("Drop")));
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(P, "delete")).HasValue);
        var upsertMerged = await Get(P, "upsert-merge");
        Assert.Equal(("um2", "kept"), (upsertMerged.GetString("Name"), upsertMerged.GetString("Keep")));
        Assert.Equal("ur", (await Get(P, "upsert-replace")).GetString("Name"));
    }

    [Fact]
    public async Task A_transaction_whose_third_action_conflicts_applies_none_of_its_actions_and_reports_index_2()
    {
        const string P = "atomic";
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = P, RowKey = "c", Name = "original" });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new CaseEntity { PartitionKey = P, RowKey = "a", Name = "new" }),
            new(TableTransactionActionType.Add, new CaseEntity { PartitionKey = P, RowKey = "b", Name = "new" }),
            new(TableTransactionActionType.Add, new CaseEntity { PartitionKey = P, RowKey = "c", Name = "conflict" }),
            new(TableTransactionActionType.Add, new CaseEntity { PartitionKey = P, RowKey = "d", Name = "new" }),
        ]));

        Assert.Equal(2, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        var stored = await ToListAsync(Table.QueryAsync<CaseEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {P}")));
        Assert.Equal("c", Assert.Single(stored).RowKey);
        Assert.Equal("original", stored[0].Name);
    }

    [Fact]
    public async Task A_failed_transaction_rolls_back_the_updates_deletes_and_inserts_before_the_failing_action()
    {
        const string P = "rollback";
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = P, RowKey = "x", Name = "x1", Note = "x-note" });
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = P, RowKey = "y", Name = "y1" });
        var w = await Table.AddEntityAsync(new CaseEntity { PartitionKey = P, RowKey = "w", Name = "w1" });
        var stale = w.Headers.ETag!.Value;
        await Table.UpsertEntityAsync(new CaseEntity { PartitionKey = P, RowKey = "w", Name = "w2" });
        var before = await ToListAsync(Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {P}")));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateReplace, new CaseEntity { PartitionKey = P, RowKey = "x", Name = "x2" }, ETag.All),
            new(TableTransactionActionType.Delete, new CaseEntity { PartitionKey = P, RowKey = "y" }),
            new(TableTransactionActionType.UpsertMerge, new CaseEntity { PartitionKey = P, RowKey = "z", Name = "z1" }),
            new(TableTransactionActionType.UpdateMerge, new CaseEntity { PartitionKey = P, RowKey = "w", Name = "w3" }, stale),
        ]));

        Assert.Equal(3, error.FailedTransactionActionIndex);
        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        var after = await ToListAsync(Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {P}")));
        Assert.Equal(
            before.Select(e => (e.RowKey, e.GetString("Name"), e.GetString("Note"), e.ETag)),
            after.Select(e => (e.RowKey, e.GetString("Name"), e.GetString("Note"), e.ETag)));
    }

    [Fact]
    public async Task Concurrent_transactions_each_apply_all_or_nothing_and_readers_never_see_half_of_one()
    {
        // The durable engine commits through batches from many hosts at once; Azurite tracks rollbacks store-wide,
        // so check that concurrent batches, half of them failing on their last action, do not disturb one another.
        const int Batches = 20;
        for (var b = 0; b < Batches; b++)
        {
            await Table.AddEntityAsync(new TableEntity($"conc{b}", "existing") { ["Name"] = "original" });
            if (b % 2 == 1)
            {
                await Table.AddEntityAsync(new TableEntity($"conc{b}", "taken"));
            }
        }

        using var stop = new CancellationTokenSource();
        var halfSeen = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var rows = await ToListAsync(Table.QueryAsync<TableEntity>());
                halfSeen += rows.Where(e => e.RowKey.StartsWith('r')).GroupBy(e => e.PartitionKey).Count(g => g.Count() != 10);
            }
        });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Batches).Select(async b =>
        {
            var actions = Enumerable.Range(0, 10)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"conc{b}", $"r{i}")))
                .Append(new(TableTransactionActionType.UpdateReplace, new TableEntity($"conc{b}", "existing") { ["Name"] = "changed" }, ETag.All))
                .Append(new(TableTransactionActionType.Add, new TableEntity($"conc{b}", b % 2 == 1 ? "taken" : "free")));
            try
            {
                await Table.SubmitTransactionAsync(actions);
                return (Batch: b, Index: (int?)null);
            }
            catch (TableTransactionFailedException ex)
            {
                return (Batch: b, Index: ex.FailedTransactionActionIndex);
            }
        }));
        await stop.CancelAsync();
        await reader;

        var stored = await ToListAsync(Table.QueryAsync<TableEntity>());
        foreach (var (b, index) in outcomes)
        {
            var rows = stored.Where(e => e.PartitionKey == $"conc{b}").ToList();
            var failed = b % 2 == 1;
            Assert.Equal(failed ? 11 : (int?)null, index);
            Assert.Equal(failed ? 0 : 10, rows.Count(e => e.RowKey.StartsWith('r')));
            Assert.Equal(failed ? "original" : "changed", rows.Single(e => e.RowKey == "existing").GetString("Name"));
        }

        Assert.Equal(0, halfSeen);
    }

    [Fact]
    public async Task A_transaction_of_100_actions_succeeds()
    {
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, new TableEntity("hundred", $"{i:D3}") { ["I"] = i }));

        var result = await Table.SubmitTransactionAsync(actions);

        Assert.Equal(100, result.Value.Count);
        Assert.Equal(100, (await ToListAsync(Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"hundred"}")))).Count);
    }

    [Fact]
    public async Task Transactions_breaking_the_service_limits_are_rejected_before_sending()
    {
        TableTransactionAction Add(string partition, string row) => new(TableTransactionActionType.Add, new TableEntity(partition, row));

        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("limits", $"{i}"))));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([Add("limits", "1"), Add("other", "2")]));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.SubmitTransactionAsync([Add("limits", "1"), Add("limits", "1")]));
        Assert.Empty(await ToListAsync(Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"limits"}"))));
    }

    [Fact]
    public async Task Keys_with_quotes_and_unicode_work_inside_a_transaction()
    {
        const string P = "it's zażółć";
        await Table.AddEntityAsync(new TableEntity(P, "O'Brien 1") { ["Name"] = "v1" });

        await Table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new TableEntity(P, "O'Brien 1") { ["Name"] = "v2" }, ETag.All),
            new(TableTransactionActionType.Add, new TableEntity(P, "Дмитро 2") { ["Name"] = "new" }),
        ]);

        Assert.Equal("v2", (await Get(P, "O'Brien 1")).GetString("Name"));
        Assert.Equal("new", (await Get(P, "Дмитро 2")).GetString("Name"));
    }

    private async Task<TableEntity> Get(string partitionKey, string rowKey) =>
        (await Table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
}
