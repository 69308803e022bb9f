using Azure;
using Serverless.Storage.Queues;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueLifecycleTests(AzuriteFixture fixture) : QueueTestBase(fixture)
{
    [Fact]
    public async Task Create_if_not_exists_succeeds_again_on_an_existing_queue()
    {
        var again = await Queue.CreateIfNotExistsAsync();
        var onceMore = await Queue.CreateIfNotExistsAsync();

        Assert.NotNull(again);
        Assert.NotNull(onceMore);
        Assert.True((await Queue.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Create_if_not_exists_creates_a_missing_queue_and_reports_201()
    {
        var queue = new QueueClient(Fixture.ConnectionString, UniqueNames.Queue("new"));
        try
        {
            Assert.False((await queue.ExistsAsync()).Value);

            var response = await queue.CreateIfNotExistsAsync();

            Assert.Equal(201, response!.Status);
            Assert.True((await queue.ExistsAsync()).Value);
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Create_if_not_exists_returns_null_when_the_queue_exists_with_other_metadata()
    {
        var queue = new QueueClient(Fixture.ConnectionString, UniqueNames.Queue("conflict"));
        try
        {
            await queue.CreateAsync(new Dictionary<string, string> { ["owner"] = "a" });

            var same = await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "a" });
            var other = await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["owner"] = "b" });
            var strict = await Assert.ThrowsAsync<RequestFailedException>(
                () => queue.CreateAsync(new Dictionary<string, string> { ["owner"] = "b" }));

            Assert.Equal(204, same!.Status);
            Assert.Null(other);
            Assert.Equal(409, strict.Status);
            Assert.Equal("QueueAlreadyExists", strict.ErrorCode);
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Properties_show_the_metadata_the_queue_was_created_with()
    {
        var queue = new QueueClient(Fixture.ConnectionString, UniqueNames.Queue("meta"));
        try
        {
            await queue.CreateIfNotExistsAsync(new Dictionary<string, string> { ["hub"] = "emigrate", ["partition"] = "3" });

            var properties = (await queue.GetPropertiesAsync()).Value;

            Assert.Equal("emigrate", properties.Metadata["hub"]);
            Assert.Equal("3", properties.Metadata["PARTITION"]);
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Delete_if_exists_reports_whether_there_was_a_queue_to_delete()
    {
        Assert.True((await Queue.DeleteIfExistsAsync()).Value);
        Assert.False((await Queue.DeleteIfExistsAsync()).Value);
        Assert.False((await Queue.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Client_built_from_a_queue_uri_and_account_key_reaches_the_same_queue()
    {
        var byUri = new QueueClient(new Uri($"{Fixture.Azurite.QueueEndpoint}/{QueueName}"), Fixture.Connection.Credential);

        await byUri.SendMessageAsync("via uri");

        Assert.Equal(QueueName, byUri.Name);
        Assert.Equal("via uri", (await Queue.PeekMessageAsync()).Value!.MessageText);
    }

    [Fact]
    public async Task Service_client_creates_and_deletes_queues_and_hands_out_clients_for_them()
    {
        var service = new QueueServiceClient(Fixture.ConnectionString);
        var name = UniqueNames.Queue("svc");

        var created = (await service.CreateQueueAsync(name)).Value;
        await created.SendMessageAsync("hello");
        var received = (await service.GetQueueClient(name).ReceiveMessageAsync()).Value;
        await service.DeleteQueueAsync(name);

        Assert.Equal(name, created.Name);
        Assert.Equal(StorageConnectionString.DevelopmentAccountName, created.AccountName);
        Assert.Equal("hello", received?.MessageText);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => service.DeleteQueueAsync(name));
        Assert.Equal("QueueNotFound", gone.ErrorCode);
    }
}
