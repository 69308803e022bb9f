namespace Serverless.Storage.Queues.Models;

/// <summary>What the service returns for a sent message.</summary>
public sealed class SendReceipt
{
    internal SendReceipt(string messageId, string popReceipt, DateTimeOffset insertionTime, DateTimeOffset expirationTime, DateTimeOffset timeNextVisible)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        InsertionTime = insertionTime;
        ExpirationTime = expirationTime;
        TimeNextVisible = timeNextVisible;
    }

    /// <summary>The id the service gave the message.</summary>
    public string MessageId { get; }

    /// <summary>A pop receipt that lets the sender update or delete the message before anyone receives it.</summary>
    public string PopReceipt { get; }

    /// <summary>When the message was added.</summary>
    public DateTimeOffset InsertionTime { get; }

    /// <summary>When the message expires; 31 December 9999 for a message that never expires.</summary>
    public DateTimeOffset ExpirationTime { get; }

    /// <summary>When the message first becomes visible to receivers.</summary>
    public DateTimeOffset TimeNextVisible { get; }
}
