using Azure;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableLifecycleTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Create_if_not_exists_is_idempotent()
    {
        var table = new TableClient(fixture.ConnectionString, UniqueNames.Table("life"));
        try
        {
            var first = await table.CreateIfNotExistsAsync();
            var second = await table.CreateIfNotExistsAsync();

            Assert.Equal(204, first.GetRawResponse().Status);
            Assert.Equal(409, second.GetRawResponse().Status);
            Assert.Equal(table.Name, second.Value.Name);
            await table.AddEntityAsync(new TableEntity("p", "r"));
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    [Fact]
    public async Task Deleting_a_table_removes_it_and_deleting_it_again_is_not_an_error()
    {
        var table = new TableClient(fixture.ConnectionString, UniqueNames.Table("life"));
        await table.CreateIfNotExistsAsync();

        var deleted = await table.DeleteAsync();
        var again = await table.DeleteAsync();

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Service_client_creates_tables_whose_clients_share_its_account()
    {
        var service = new TableServiceClient(fixture.ConnectionString);
        var name = UniqueNames.Table("svc");
        try
        {
            await service.CreateTableIfNotExistsAsync(name);
            await service.CreateTableIfNotExistsAsync(name);
            var table = service.GetTableClient(name);

            await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });

            Assert.Equal(StorageConnectionString.DevelopmentAccountName, table.AccountName);
            Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Value"));
        }
        finally
        {
            await service.DeleteTableAsync(name);
        }
    }
}
