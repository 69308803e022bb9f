using Serverless.Durable.Backend;
using Serverless.Storage.Queues;

namespace Serverless.Durable.AzureStorage;

/// <summary>A message for an orchestration instance held by this process: received from a control queue, or an activity outcome handed over in process.</summary>
internal sealed class InboundMessage
{
    /// <summary>The message, with its dequeue count.</summary>
    public required TaskMessage Message { get; init; }

    /// <summary>The control queue message it came in, if it came through the queue.</summary>
    public QueueReceipt? Receipt { get; set; }

    /// <summary>The payload blob of a large message, deleted once the message is consumed.</summary>
    public string? PayloadBlob { get; init; }

    /// <summary>For an outcome handed over in process: the activity call to delete once the outcome is committed.</summary>
    public ActivityDelivery? LocalOrigin { get; init; }
}

/// <summary>A received queue message's handle: what deleting or updating it takes.</summary>
/// <param name="Queue">The queue.</param>
/// <param name="MessageId">The queue's message id.</param>
/// <param name="PopReceipt">The latest pop receipt.</param>
internal sealed record QueueReceipt(QueueClient Queue, string MessageId, string PopReceipt);
