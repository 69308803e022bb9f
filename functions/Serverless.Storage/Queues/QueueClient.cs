using Serverless.Storage.Core;

namespace Serverless.Storage.Queues;

/// <summary>
/// One storage queue: create and delete it, send, receive, peek, update and delete its messages.
/// Named and shaped like <c>Azure.Storage.Queues.QueueClient</c>, so moving to the Azure SDK is a change of usings.
/// </summary>
/// <remarks>
/// Thread-safe and cheap to keep: hold one per queue for the life of the process. Clients made by one
/// <see cref="QueueServiceClient"/> share its HTTP pipeline. Delivery is at least once: a message comes back when its
/// visibility timeout passes before it is deleted, so consumers must tolerate seeing a message twice.
/// </remarks>
public sealed partial class QueueClient
{
    /// <summary>The most messages one receive or peek returns.</summary>
    internal const int MaxMessagesPerRequest = 32;

    private readonly StoragePipeline _pipeline;
    private readonly Uri _messagesUri;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>Creates a client for a queue of the account in a connection string.</summary>
    /// <param name="connectionString">A storage connection string (see <see cref="StorageConnectionString"/>).</param>
    /// <param name="queueName">The queue name: 3–63 lower-case letters, digits and single hyphens.</param>
    /// <param name="options">Retries, diagnostics and the message encoding; defaults when null.</param>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), queueName, options)
    {
    }

    /// <summary>Creates a client for the queue at a URI, signing with an account key.</summary>
    /// <param name="queueUri">The queue's URI, e.g. <c>https://account.queue.core.windows.net/orders</c>.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retries, diagnostics and the message encoding; defaults when null.</param>
    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(
            queueUri ?? throw new ArgumentNullException(nameof(queueUri)),
            Uri.UnescapeDataString(queueUri.AbsolutePath.TrimEnd('/').Split('/')[^1]),
            new StoragePipeline(StorageService.Queue, credential ?? throw new ArgumentNullException(nameof(credential)), options),
            options?.MessageEncoding ?? QueueMessageEncoding.None)
    {
    }

    private QueueClient(StorageConnectionString account, string queueName, QueueClientOptions? options)
        : this(
            UriPaths.Append(account.QueueEndpoint, RequireName(queueName)),
            queueName,
            new StoragePipeline(StorageService.Queue, account.Credential, options),
            options?.MessageEncoding ?? QueueMessageEncoding.None)
    {
    }

    internal QueueClient(Uri queueUri, string name, StoragePipeline pipeline, QueueMessageEncoding encoding)
    {
        Uri = queueUri;
        Name = name;
        _pipeline = pipeline;
        _encoding = encoding;
        _messagesUri = UriPaths.Append(queueUri, "messages");
    }

    /// <summary>The queue's URI.</summary>
    public Uri Uri { get; }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName => _pipeline.Credential.AccountName;

    /// <summary>The most messages one receive or peek can return: 32.</summary>
    public int MaxPeekableMessages => MaxMessagesPerRequest;

    /// <summary>The most bytes a message's text may have on the wire: 64 KiB (after Base64, when that encoding is used).</summary>
    public int MessageMaxBytes => 64 * 1024;

    internal static string RequireName(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        return queueName;
    }
}
