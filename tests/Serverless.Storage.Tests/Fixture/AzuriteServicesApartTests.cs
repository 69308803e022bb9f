using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Fixture;

public sealed class AzuriteServicesApartTests
{
    [Fact]
    public async Task Each_service_is_served_by_a_process_of_its_own_and_disposing_ends_all_three()
    {
        var apart = await AzuriteServicesApart.StartAsync();
        int[] processes = [.. apart.ProcessIds.Values];
        try
        {
            Assert.Equal(["blob", "queue", "table"], apart.ProcessIds.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(3, processes.Distinct().Count());

            // Each service works through the one connection string.
            string name = "apart" + Guid.NewGuid().ToString("N")[..8];
            var container = new BlobContainerClient(apart.ConnectionString, name);
            await container.CreateAsync();
            var queue = new QueueClient(apart.ConnectionString, name);
            await queue.CreateAsync();
            await queue.SendMessageAsync("hello");
            var table = new TableClient(apart.ConnectionString, name);
            await table.CreateIfNotExistsAsync();
            Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
        finally
        {
            await apart.DisposeAsync();
        }

        Assert.All(processes, pid => Assert.False(File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal)));
    }
}
