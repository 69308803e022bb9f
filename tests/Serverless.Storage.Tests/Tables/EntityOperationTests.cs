using Azure;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class EntityOperationTests(AzuriteFixture fixture) : TableTestBase(fixture, "ops")
{
    [Fact]
    public async Task Added_entity_is_returned_by_a_point_get_with_the_etag_of_the_insert()
    {
        var added = await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "1", Name = "Ada", Attempts = 2 });

        var read = await Table.GetEntityAsync<CaseEntity>("case", "1");

        Assert.Equal(204, added.Status);
        Assert.Equal("Ada", read.Value.Name);
        Assert.Equal(2, read.Value.Attempts);
        Assert.NotNull(read.Value.Timestamp);
        Assert.Equal(added.Headers.ETag, read.Value.ETag);
    }

    [Fact]
    public async Task Adding_an_entity_whose_keys_exist_fails_with_409_EntityAlreadyExists()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "dup", Name = "first" });

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "dup", Name = "second" }));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await Table.GetEntityAsync<CaseEntity>("case", "dup")).Value.Name);
    }

    [Fact]
    public async Task Upsert_merge_keeps_stored_properties_the_new_entity_lacks()
    {
        await Table.AddEntityAsync(new TableEntity("case", "merge") { ["Name"] = "Ada", ["Note"] = "keep me" });

        await Table.UpsertEntityAsync(new TableEntity("case", "merge") { ["Name"] = "Grace" }, TableUpdateMode.Merge);

        var stored = (await Table.GetEntityAsync<TableEntity>("case", "merge")).Value;
        Assert.Equal("Grace", stored.GetString("Name"));
        Assert.Equal("keep me", stored.GetString("Note"));
    }

    [Fact]
    public async Task Upsert_replace_drops_stored_properties_the_new_entity_lacks()
    {
        await Table.AddEntityAsync(new TableEntity("case", "replace") { ["Name"] = "Ada", ["Note"] = "drop me" });

        await Table.UpsertEntityAsync(new TableEntity("case", "replace") { ["Name"] = "Grace" }, TableUpdateMode.Replace);

        var stored = (await Table.GetEntityAsync<TableEntity>("case", "replace")).Value;
        Assert.Equal("Grace", stored.GetString("Name"));
        Assert.False(stored.ContainsKey("Note"));
    }

    [Fact]
    public async Task Upsert_inserts_an_entity_that_does_not_exist()
    {
        await Table.UpsertEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "new", Name = "Ada" }, TableUpdateMode.Replace);

        Assert.Equal("Ada", (await Table.GetEntityAsync<CaseEntity>("case", "new")).Value.Name);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_fails_with_412_and_leaves_the_entity_unchanged()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "etag", Name = "v1" });
        var stale = (await Table.GetEntityAsync<CaseEntity>("case", "etag")).Value;
        stale.Name = "v2";
        var updated = await Table.UpdateEntityAsync(stale, stale.ETag, TableUpdateMode.Replace);

        stale.Name = "v3";
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.UpdateEntityAsync(stale, stale.ETag, TableUpdateMode.Merge));

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        var stored = (await Table.GetEntityAsync<CaseEntity>("case", "etag")).Value;
        Assert.Equal("v2", stored.Name);
        Assert.Equal(updated.Headers.ETag, stored.ETag);
    }

    [Fact]
    public async Task Update_with_ETag_All_succeeds_whatever_the_stored_version()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "all", Name = "v1" });

        await Table.UpdateEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "all", Name = "v2" }, ETag.All);

        Assert.Equal("v2", (await Table.GetEntityAsync<CaseEntity>("case", "all")).Value.Name);
    }

    [Fact]
    public async Task Update_of_a_missing_entity_fails_with_404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => Table.UpdateEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "ghost" }, ETag.All));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Point_get_if_exists_of_a_missing_entity_has_no_value()
    {
        var result = await Table.GetEntityIfExistsAsync<CaseEntity>("case", "missing");

        Assert.False(result.HasValue);
        Assert.Equal(404, result.GetRawResponse().Status);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public async Task Point_get_if_exists_of_a_present_entity_has_its_value()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "present", Name = "Ada" });

        var result = await Table.GetEntityIfExistsAsync<CaseEntity>("case", "present");

        Assert.True(result.HasValue);
        Assert.Equal("Ada", result.Value!.Name);
    }

    [Fact]
    public async Task Point_get_of_a_missing_entity_throws_404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.GetEntityAsync<CaseEntity>("case", "missing"));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Point_get_in_a_missing_table_throws_instead_of_reporting_no_entity()
    {
        var missing = new TableClient(Fixture.ConnectionString, UniqueNames.Table("nope"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => missing.GetEntityIfExistsAsync<CaseEntity>("case", "1"));

        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Point_get_with_select_returns_only_the_selected_properties()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "sel", Name = "Ada", Note = "hidden", Attempts = 4 });

        var read = (await Table.GetEntityAsync<TableEntity>("case", "sel", ["Name", "Attempts"])).Value;

        Assert.Equal("Ada", read.GetString("Name"));
        Assert.Equal(4, read.GetInt32("Attempts"));
        Assert.False(read.ContainsKey("Note"));
    }

    [Fact]
    public async Task Delete_removes_the_entity_and_deleting_it_again_returns_404_without_throwing()
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "del" });

        var deleted = await Table.DeleteEntityAsync("case", "del");
        var again = await Table.DeleteEntityAsync("case", "del");

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.False((await Table.GetEntityIfExistsAsync<CaseEntity>("case", "del")).HasValue);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_with_412_and_keeps_the_entity()
    {
        var added = await Table.AddEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "del412", Name = "v1" });
        await Table.UpsertEntityAsync(new CaseEntity { PartitionKey = "case", RowKey = "del412", Name = "v2" });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.DeleteEntityAsync("case", "del412", added.Headers.ETag!.Value));

        Assert.Equal(412, error.Status);
        Assert.True((await Table.GetEntityIfExistsAsync<CaseEntity>("case", "del412")).HasValue);
    }

    [Theory]
    [InlineData("O'Brien", "it's")]
    [InlineData("two words", "a+b=c&d")]
    [InlineData("zażółć gęślą", "Дмитро 😀")]
    [InlineData("100%", "(paren),'comma'")]
    public async Task Keys_with_quotes_spaces_and_unicode_work_for_every_operation(string partitionKey, string rowKey)
    {
        await Table.AddEntityAsync(new CaseEntity { PartitionKey = partitionKey, RowKey = rowKey, Name = "v1" });
        var read = (await Table.GetEntityAsync<CaseEntity>(partitionKey, rowKey)).Value;
        await Table.UpdateEntityAsync(new CaseEntity { PartitionKey = partitionKey, RowKey = rowKey, Name = "v2" }, read.ETag);

        var updated = (await Table.GetEntityAsync<CaseEntity>(partitionKey, rowKey)).Value;
        await Table.DeleteEntityAsync(partitionKey, rowKey, updated.ETag);

        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.Equal("v2", updated.Name);
        Assert.False((await Table.GetEntityIfExistsAsync<CaseEntity>(partitionKey, rowKey)).HasValue);
    }
}
