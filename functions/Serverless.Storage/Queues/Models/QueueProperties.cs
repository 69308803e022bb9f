namespace Serverless.Storage.Queues.Models;

/// <summary>A queue's metadata and approximate length.</summary>
public sealed class QueueProperties
{
    internal QueueProperties(IDictionary<string, string> metadata, long approximateMessagesCount)
    {
        Metadata = metadata;
        ApproximateMessagesCountLong = approximateMessagesCount;
    }

    /// <summary>The queue's metadata (names compared case-insensitively, as the service does).</summary>
    public IDictionary<string, string> Metadata { get; }

    /// <summary>The approximate number of messages, visible or not; capped at <see cref="int.MaxValue"/>.</summary>
    /// <remarks>The service counts lazily: it may include messages that have just expired or been deleted.</remarks>
    public int ApproximateMessagesCount => (int)Math.Min(ApproximateMessagesCountLong, int.MaxValue);

    /// <summary>The approximate number of messages, visible or not.</summary>
    public long ApproximateMessagesCountLong { get; }
}
