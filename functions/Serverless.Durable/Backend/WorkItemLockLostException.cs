namespace Serverless.Durable.Backend;

/// <summary>A work item was completed after its lock was lost: the commit had no effect.</summary>
/// <remarks>The worker drops the work item; its messages are (or will be) delivered to whoever holds the lock now.</remarks>
public sealed class WorkItemLockLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was lost.</param>
    public WorkItemLockLostException(string message)
        : base(message)
    {
    }
}
