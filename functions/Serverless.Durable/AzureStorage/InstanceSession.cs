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

    /// <summary>Whether the instance counts against <see cref="AzureStorageOrchestrationOptions.MaxActiveInstances"/>.</summary>
    public bool Active { get; set; }

    /// <summary>Whether the session waits for admission (a new top-level instance while too many are active).</summary>
    public bool Waiting { get; set; }

    public long WaitingSince { get; set; }

    /// <summary>Activity calls its commits sent whose outcomes have not arrived: an instance waiting on them is busy, not idle.</summary>
    public int OutstandingActivities { get; set; }

    /// <summary>The version of the instance's in-flight row as this process last wrote it; <see langword="null"/> when it wrote none since the session began.</summary>
    public Azure.ETag? InFlightRow { get; set; }

    /// <summary>Steps committed in memory whose instance-row write is pending (write-behind); <see langword="null"/> when nothing is pending.</summary>
    public PendingWrites? Writes { get; set; }
}
