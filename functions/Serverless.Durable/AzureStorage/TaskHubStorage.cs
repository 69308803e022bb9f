using Azure;
using Serverless.Storage;
using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

/// <summary>The clients of one task hub's tables, queues and containers, sharing one pipeline per service.</summary>
internal sealed class TaskHubStorage
{
    public TaskHubStorage(string connectionString, TaskHubLayout layout, Action<StorageClientOptions>? configure)
    {
        this.Layout = layout;
        var tableOptions = new StorageClientOptions();
        var blobOptions = new StorageClientOptions();
        var queueOptions = new QueueClientOptions();
        configure?.Invoke(tableOptions);
        configure?.Invoke(blobOptions);
        configure?.Invoke(queueOptions);

        var tables = new TableServiceClient(connectionString, tableOptions);
        this.Instances = tables.GetTableClient(layout.InstancesTable);
        this.History = tables.GetTableClient(layout.HistoryTable);
        this.Index = tables.GetTableClient(layout.IndexTable);

        var queues = new QueueServiceClient(connectionString, queueOptions);
        this.ControlQueues = [.. layout.ControlQueues.Select(queues.GetQueueClient)];
        this.WorkItems = queues.GetQueueClient(layout.WorkItemQueue);
        this.Poison = queues.GetQueueClient(layout.PoisonQueue);

        var blobs = new BlobServiceClient(connectionString, blobOptions);
        this.Leases = blobs.GetBlobContainerClient(layout.LeaseContainer);
        this.Payloads = blobs.GetBlobContainerClient(layout.PayloadContainer);
    }

    public TaskHubLayout Layout { get; }

    public TableClient Instances { get; }

    public TableClient History { get; }

    public TableClient Index { get; }

    public IReadOnlyList<QueueClient> ControlQueues { get; }

    public QueueClient WorkItems { get; }

    public QueueClient Poison { get; }

    public BlobContainerClient Leases { get; }

    public BlobContainerClient Payloads { get; }

    public IEnumerable<QueueClient> AllQueues => [.. this.ControlQueues, this.WorkItems, this.Poison];

    /// <summary>Creates whatever of the layout is missing: tables, queues, containers and one lease blob per partition.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>
        {
            this.Instances.CreateIfNotExistsAsync(cancellationToken),
            this.History.CreateIfNotExistsAsync(cancellationToken),
            this.Index.CreateIfNotExistsAsync(cancellationToken),
            this.Payloads.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        };
        work.AddRange(this.AllQueues.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.Add(this.CreateLeasesAsync(cancellationToken));
        await Task.WhenAll(work);
    }

    /// <summary>Deletes every table, queue and container of the hub.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>
        {
            this.Instances.DeleteAsync(cancellationToken),
            this.History.DeleteAsync(cancellationToken),
            this.Index.DeleteAsync(cancellationToken),
            this.Payloads.DeleteIfExistsAsync(cancellationToken: cancellationToken),
            this.Leases.DeleteIfExistsAsync(cancellationToken: cancellationToken),
        };
        work.AddRange(this.AllQueues.Select(q => q.DeleteIfExistsAsync(cancellationToken)));
        await Task.WhenAll(work);
    }

    private async Task CreateLeasesAsync(CancellationToken cancellationToken)
    {
        await this.Leases.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, this.Layout.PartitionCount).Select(async p =>
        {
            try
            {
                await this.Leases.GetBlobClient(TaskHubLayout.LeaseBlob(p)).UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another worker created it first, or it is leased: either way it exists.
            }
        }));
    }
}
