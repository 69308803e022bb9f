namespace Serverless.Durable.AzureStorage;

/// <summary>An instance as the partition owner sees it: messages waiting for its next step, whether a step is running, and its cached record.</summary>
/// <remarks>Guarded by the backend's dispatch lock.</remarks>
internal sealed class InstanceSession(string instanceId, int partition)
{
    public string InstanceId { get; } = instanceId;

    public int Partition { get; } = partition;

    public List<InboundMessage> Pending { get; } = [];

    /// <summary>Whether a work item of this instance is locked: at most one at a time in this process (the lease keeps other processes away).</summary>
    public bool InFlight { get; set; }

    /// <summary>Whether the session is in the ready queue.</summary>
    public bool Queued { get; set; }

    /// <summary>The instance as of the last step: valid while its ETag matches the row (every commit checks).</summary>
    public InstanceRecord? Record { get; set; }

    public long LastUsed { get; set; }
}
