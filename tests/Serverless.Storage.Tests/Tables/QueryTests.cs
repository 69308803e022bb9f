using Azure;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class QueryTests(AzuriteFixture fixture) : TableTestBase(fixture, "query")
{
    [Fact]
    public async Task Query_with_filter_select_and_top_returns_only_matching_entities_and_selected_properties()
    {
        for (var i = 0; i < 7; i++)
        {
            await Table.AddEntityAsync(new CaseEntity { PartitionKey = "top", RowKey = $"r{i}", Name = $"n{i}", Attempts = i, Note = "not selected" });
        }

        var pages = await ToListAsync(
            Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"top"} and Attempts ge {3}"), maxPerPage: 2, select: ["Name", "Attempts"]).AsPages());

        var entities = pages.SelectMany(p => p.Values).ToList();
        Assert.All(pages, p => Assert.True(p.Values.Count <= 2));
        Assert.Equal([3, 4, 5, 6], entities.Select(e => e.GetInt32("Attempts")!.Value));
        Assert.Equal(["n3", "n4", "n5", "n6"], entities.Select(e => e.GetString("Name")));
        Assert.All(entities, e => Assert.False(e.ContainsKey("Note")));
    }

    [Fact]
    public async Task Continuation_over_more_than_1000_entities_returns_every_entity_exactly_once()
    {
        const int Count = 1200;
        for (var batch = 0; batch < Count / 100; batch++)
        {
            var actions = Enumerable.Range(batch * 100, 100).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add, new CaseEntity { PartitionKey = "bulk", RowKey = $"{i:D5}", Attempts = i }));
            await Table.SubmitTransactionAsync(actions);
        }

        var pages = await ToListAsync(Table.QueryAsync<CaseEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"bulk"}")).AsPages());

        var rows = pages.SelectMany(p => p.Values).Select(e => e.RowKey).ToList();
        Assert.True(pages.Count >= 2, $"Expected the service to page, got {pages.Count} page(s).");
        Assert.All(pages, p => Assert.True(p.Values.Count <= 1000));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(Count, rows.Count);
        Assert.Equal(Count, rows.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"{i:D5}"), rows);
    }

    [Fact]
    public async Task A_continuation_token_resumes_where_its_page_ended_even_across_partitions()
    {
        for (var p = 0; p < 3; p++)
        {
            for (var r = 0; r < 5; r++)
            {
                await Table.AddEntityAsync(new TableEntity($"resume{p}", $"r{r}") { ["Kind"] = "resume" });
            }
        }

        var query = Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Kind eq {"resume"}"));
        var seen = new List<string>();
        string? token = null;
        var requests = 0;
        do
        {
            // A fresh enumeration per page, as a caller resuming from a stored token would do.
            await foreach (var page in query.AsPages(token, pageSizeHint: 4))
            {
                seen.AddRange(page.Values.Select(e => $"{e.PartitionKey}/{e.RowKey}"));
                token = page.ContinuationToken;
                break;
            }

            requests++;
        }
        while (token is not null);

        Assert.True(requests >= 4);
        Assert.Equal(15, seen.Count);
        Assert.Equal(15, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("'; drop")]
    [InlineData("O''Brien")]
    [InlineData("x' or Name ne 'x")]
    [InlineData("'")]
    public async Task A_filter_value_containing_quotes_matches_exactly_the_right_entity(string name)
    {
        string[] names = ["O'Brien", "OBrien", "O''Brien", "'; drop", "; drop", "x' or Name ne 'x", "x", "'", "''"];
        var partition = $"quotes{Array.IndexOf(names, name)}";
        for (var i = 0; i < names.Length; i++)
        {
            await Table.AddEntityAsync(new CaseEntity { PartitionKey = partition, RowKey = $"r{i}", Name = names[i] });
        }

        var viaFilter = await ToListAsync(Table.QueryAsync<CaseEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Name eq {name}")));
        FormattableString formattable = $"PartitionKey eq {partition} and Name eq {name}";
        var viaFormattable = await ToListAsync(Table.QueryAsync<CaseEntity>(formattable));

        Assert.Equal(name, Assert.Single(viaFilter).Name);
        Assert.Equal(name, Assert.Single(viaFormattable).Name);
    }

    [Fact]
    public async Task A_hostile_value_cannot_widen_a_filter_to_other_entities()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "inject", RowKey = "1", Name = "a" });
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "inject", RowKey = "2", Name = "b" });
        var hostile = "zzz' or Name ne 'zzz";

        var matched = await ToListAsync(Table.QueryAsync<CaseEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"inject"} and Name eq {hostile}")));

        Assert.Empty(matched);
    }

    [Fact]
    public async Task Filters_on_int64_double_bool_guid_datetime_and_binary_values_match_only_the_right_entity()
    {
        var id = Guid.Parse("b5e1c7a0-1f2e-4d3c-9b8a-7f6e5d4c3b2a");
        var when = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        byte[] bytes = [0xde, 0xad, 0xbe, 0xef];
        await Table.AddEntityAsync(new TableEntity("typed", "hit")
        {
            ["Big"] = (1L << 60) + 1, ["Ratio"] = 2.5, ["Whole"] = 4.0, ["Huge"] = 1e300, ["Tiny"] = 1.5e-300, ["Flag"] = true, ["Id"] = id, ["When"] = when, ["Bytes"] = bytes,
        });
        await Table.AddEntityAsync(new TableEntity("typed", "miss")
        {
            ["Big"] = 1L << 60, ["Ratio"] = 2.25, ["Whole"] = 5.0, ["Huge"] = 2e300, ["Tiny"] = 1.5e-299, ["Flag"] = false, ["Id"] = Guid.Empty, ["When"] = when.AddDays(1), ["Bytes"] = new byte[] { 1 },
        });

        FormattableString[] filters =
        [
            $"PartitionKey eq {"typed"} and Big eq {(1L << 60) + 1}",
            $"PartitionKey eq {"typed"} and Ratio eq {2.5}",
            $"PartitionKey eq {"typed"} and Whole eq {4.0}",
            $"PartitionKey eq {"typed"} and Huge eq {1e300}",
            $"PartitionKey eq {"typed"} and Tiny lt {1e-299}",
            $"PartitionKey eq {"typed"} and Flag eq {true}",
            $"PartitionKey eq {"typed"} and Id eq {id}",
            $"PartitionKey eq {"typed"} and When eq {when}",
            $"PartitionKey eq {"typed"} and When lt {when.AddHours(1)}",
            $"PartitionKey eq {"typed"} and Bytes eq {bytes}",
        ];

        foreach (var filter in filters)
        {
            var matched = await ToListAsync(Table.QueryAsync<TableEntity>(filter));
            Assert.True(matched.Count == 1 && matched[0].RowKey == "hit", $"{TableClient.CreateQueryFilter(filter)} matched [{string.Join(", ", matched.Select(e => e.RowKey))}]");
        }
    }

    [Fact]
    public async Task Query_reads_typed_entities_with_every_property_type()
    {
        var written = PropertyRoundTripTests.FullEntity("typedquery", "1");
        await Table.AddEntityAsync(written);

        var read = Assert.Single(await ToListAsync(Table.QueryAsync<AllTypesEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"typedquery"}"))));

        PropertyRoundTripTests.AssertSameValues(written, read);
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task A_query_matching_nothing_yields_one_empty_page()
    {
        var pages = await ToListAsync(Table.QueryAsync<CaseEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"nothing-here"}")).AsPages());

        Assert.Empty(Assert.Single(pages).Values);
    }

    [Fact]
    public async Task Querying_a_missing_table_fails_with_404()
    {
        var missing = new TableClient(Fixture.ConnectionString, UniqueNames.Table("nope"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => ToListAsync(missing.QueryAsync<CaseEntity>()));

        Assert.Equal(404, error.Status);
    }
}
