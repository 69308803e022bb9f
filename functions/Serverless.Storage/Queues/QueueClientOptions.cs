namespace Serverless.Storage.Queues;

/// <summary>Options for <see cref="QueueServiceClient"/> and <see cref="QueueClient"/>: the shared storage options plus the message encoding.</summary>
public class QueueClientOptions : StorageClientOptions
{
    /// <summary>How message bodies are encoded on the wire. Defaults to <see cref="QueueMessageEncoding.None"/>, as in the Azure SDK.</summary>
    /// <remarks>
    /// Producers and consumers of one queue must agree: a <see cref="QueueMessageEncoding.Base64"/> client reading a
    /// message written as plain text fails when it reads that message's body (its id and pop receipt stay usable).
    /// The Azure Functions queue trigger and the Durable Task Azure Storage provider use Base64.
    /// </remarks>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.None;
}
