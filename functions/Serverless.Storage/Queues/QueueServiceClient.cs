using Azure;
using Serverless.Storage.Core;

namespace Serverless.Storage.Queues;

/// <summary>The queue service of one storage account; hands out <see cref="QueueClient"/>s that share its HTTP pipeline.</summary>
/// <remarks>Named and shaped like <c>Azure.Storage.Queues.QueueServiceClient</c>. Thread-safe; keep one per account.</remarks>
public sealed class QueueServiceClient
{
    private readonly StoragePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Creates a client for the queue service of the account in a connection string.</summary>
    /// <param name="connectionString">A storage connection string (see <see cref="StorageConnectionString"/>).</param>
    /// <param name="options">Retries, diagnostics and the message encoding for every queue client it hands out.</param>
    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client for the queue service at a URI, signing with an account key.</summary>
    /// <param name="serviceUri">The service endpoint, e.g. <c>https://account.queue.core.windows.net</c>.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retries, diagnostics and the message encoding for every queue client it hands out.</param>
    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        Uri = serviceUri;
        _pipeline = new StoragePipeline(StorageService.Queue, credential, options);
        _encoding = options?.MessageEncoding ?? QueueMessageEncoding.None;
    }

    private QueueServiceClient(StorageConnectionString account, QueueClientOptions? options)
        : this(account.QueueEndpoint, account.Credential, options)
    {
    }

    /// <summary>The queue service endpoint.</summary>
    public Uri Uri { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName => _pipeline.Credential.AccountName;

    /// <summary>Returns a client for a queue of this account; no request is made.</summary>
    public QueueClient GetQueueClient(string queueName) =>
        new(UriPaths.Append(Uri, QueueClient.RequireName(queueName)), queueName, _pipeline, _encoding);

    /// <summary>Creates a queue and returns its client.</summary>
    /// <exception cref="RequestFailedException">409 <c>QueueAlreadyExists</c> when it exists with other metadata, or another refusal.</exception>
    public async Task<Response<QueueClient>> CreateQueueAsync(
        string queueName, IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var queue = GetQueueClient(queueName);
        var response = await queue.CreateAsync(metadata, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(queue, response);
    }

    /// <summary>Deletes a queue and its messages.</summary>
    /// <exception cref="RequestFailedException">404 <c>QueueNotFound</c> when there is no such queue.</exception>
    public Task<Response> DeleteQueueAsync(string queueName, CancellationToken cancellationToken = default) =>
        GetQueueClient(queueName).DeleteAsync(cancellationToken);
}
