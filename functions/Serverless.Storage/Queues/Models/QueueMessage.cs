namespace Serverless.Storage.Queues.Models;

/// <summary>A received message: its body plus the pop receipt that lets this receiver update or delete it.</summary>
public sealed class QueueMessage
{
    private readonly MessageBody _body;

    internal QueueMessage(
        string messageId,
        string popReceipt,
        MessageBody body,
        long dequeueCount,
        DateTimeOffset? nextVisibleOn,
        DateTimeOffset? insertedOn,
        DateTimeOffset? expiresOn)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        _body = body;
        DequeueCount = dequeueCount;
        NextVisibleOn = nextVisibleOn;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>The receipt from this receive; required to update or delete the message, and invalidated by either.</summary>
    public string PopReceipt { get; }

    /// <summary>The body, decoded according to <see cref="QueueClientOptions.MessageEncoding"/>.</summary>
    /// <exception cref="InvalidOperationException">The client expects Base64 and the message is not Base64.</exception>
    public BinaryData Body => _body.Data;

    /// <summary>The body as text (UTF-8 decoded when the client uses Base64).</summary>
    /// <exception cref="InvalidOperationException">The client expects Base64 and the message is not Base64.</exception>
    public string MessageText => _body.Text;

    /// <summary>How many times the message has been received, this time included.</summary>
    /// <remarks>Use it to divert poison messages: a message that keeps failing comes back with a growing count.</remarks>
    public long DequeueCount { get; }

    /// <summary>When the message becomes visible again unless it is deleted or updated first.</summary>
    public DateTimeOffset? NextVisibleOn { get; }

    /// <summary>When the message was added to the queue.</summary>
    public DateTimeOffset? InsertedOn { get; }

    /// <summary>When the message expires; 31 December 9999 for a message that never expires.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>Returns this message as it stands after an update: the new pop receipt and visibility, the same body.</summary>
    /// <remarks>The body is not refreshed: if the update changed the content, the returned message still shows the old one.</remarks>
    public QueueMessage Update(UpdateReceipt updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return new QueueMessage(MessageId, updated.PopReceipt, _body, DequeueCount, updated.NextVisibleOn, InsertedOn, ExpiresOn);
    }
}
