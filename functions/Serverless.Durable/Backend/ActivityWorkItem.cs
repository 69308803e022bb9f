using Serverless.Durable.History;

namespace Serverless.Durable.Backend;

/// <summary>An activity call locked for one worker.</summary>
public sealed class ActivityWorkItem
{
    /// <summary>The message carrying the call (a <see cref="TaskScheduledEvent"/>), with its dequeue count.</summary>
    public required TaskMessage Message { get; init; }

    /// <summary>Identifies this lock.</summary>
    public required string LockToken { get; init; }

    /// <summary>When the lock expires and the call becomes visible to other workers again.</summary>
    public DateTimeOffset LockedUntil { get; init; }

    /// <summary>Backend-private data for completing the work item (e.g. a queue pop receipt).</summary>
    public object? BackendData { get; init; }
}
