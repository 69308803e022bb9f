namespace Serverless.Storage.Queues.Models;

/// <summary>A message seen by peeking: its body without a pop receipt, its visibility and dequeue count left unchanged.</summary>
public sealed class PeekedMessage
{
    private readonly MessageBody _body;

    internal PeekedMessage(string messageId, MessageBody body, long dequeueCount, DateTimeOffset? insertedOn, DateTimeOffset? expiresOn)
    {
        MessageId = messageId;
        _body = body;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>The body, decoded according to <see cref="QueueClientOptions.MessageEncoding"/>.</summary>
    /// <exception cref="InvalidOperationException">The client expects Base64 and the message is not Base64.</exception>
    public BinaryData Body => _body.Data;

    /// <summary>The body as text (UTF-8 decoded when the client uses Base64).</summary>
    /// <exception cref="InvalidOperationException">The client expects Base64 and the message is not Base64.</exception>
    public string MessageText => _body.Text;

    /// <summary>How many times the message has been received so far.</summary>
    public long DequeueCount { get; }

    /// <summary>When the message was added to the queue.</summary>
    public DateTimeOffset? InsertedOn { get; }

    /// <summary>When the message expires; 31 December 9999 for a message that never expires.</summary>
    public DateTimeOffset? ExpiresOn { get; }
}
