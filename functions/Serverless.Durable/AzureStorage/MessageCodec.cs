using Serverless.Durable.Backend;

namespace Serverless.Durable.AzureStorage;

/// <summary>Turns task messages into queue text and back; messages too large for a queue go to a payload blob.</summary>
internal sealed class MessageCodec(PayloadStore payloads, int maxInlineChars)
{
    /// <summary>The queue text of a message, uploading its envelope to a blob first when it is too large.</summary>
    public async Task<string> EncodeAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        var envelope = new MessageEnvelope(message.MessageId, message.InstanceId, message.ExecutionId, message.Event, message.VisibleAt, null);
        string text = StoredJson.Serialize(envelope);
        if (text.Length <= maxInlineChars)
        {
            return text;
        }

        string blob = PayloadStore.NewName(message.InstanceId, "message");
        await payloads.UploadAsync(blob, text, cancellationToken);
        return StoredJson.Serialize(envelope with { Event = null, Blob = blob });
    }

    /// <summary>The message a queue text carries, with its payload blob (if any) resolved.</summary>
    /// <returns>The message (dequeue count 0) and the payload blob to delete once the message is consumed.</returns>
    /// <exception cref="Azure.RequestFailedException">404 when the payload blob is gone (a duplicate of a message already consumed).</exception>
    public async Task<(TaskMessage Message, string? Blob)> DecodeAsync(string text, CancellationToken cancellationToken)
    {
        MessageEnvelope envelope = StoredJson.Deserialize<MessageEnvelope>(text);
        string? blob = envelope.Blob;
        if (blob is not null)
        {
            envelope = StoredJson.Deserialize<MessageEnvelope>(await payloads.DownloadAsync(blob, cancellationToken));
        }

        if (envelope.Event is null)
        {
            throw new FormatException($"Message {envelope.Id} carries no event.");
        }

        var message = new TaskMessage(envelope.Id, envelope.InstanceId, envelope.ExecutionId, envelope.Event) { VisibleAt = envelope.VisibleAt };
        return (message, blob);
    }
}
