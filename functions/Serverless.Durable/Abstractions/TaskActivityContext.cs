namespace Serverless.Durable;

/// <summary>What an activity knows about its call.</summary>
/// <remarks>
/// Activities run at least once: a crash or a lost lock delivers the same call again. Use <see cref="ActivityId"/>
/// as an idempotency key for side effects (it is the same for every delivery of one call, and differs between calls).
/// </remarks>
public abstract class TaskActivityContext
{
    /// <summary>The activity's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The id of the orchestration instance that called the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>A stable id of this call: <c>{instanceId}:{executionId}:{taskScheduledId}</c>.</summary>
    /// <remarks>Retries of a failed call are new calls with new ids; redeliveries of one call share the id.</remarks>
    public abstract string ActivityId { get; }
}
