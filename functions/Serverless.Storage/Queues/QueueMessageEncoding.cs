namespace Serverless.Storage.Queues;

/// <summary>How message bodies are written to and read from the queue, as in <c>Azure.Storage.Queues</c>.</summary>
public enum QueueMessageEncoding
{
    /// <summary>The body travels as XML-escaped UTF-8 text; bodies must be text that XML 1.0 can carry.</summary>
    None = 0,

    /// <summary>The body travels Base64-encoded, so any bytes are allowed (at a third more size on the wire).</summary>
    Base64 = 1,
}
