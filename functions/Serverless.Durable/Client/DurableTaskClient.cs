namespace Serverless.Durable.Client;

/// <summary>Starts, queries and manages orchestration instances.</summary>
/// <remarks>Every operation is safe to call from any process; none waits for a worker unless it says so.</remarks>
public abstract partial class DurableTaskClient
{
    /// <summary>Creates a client.</summary>
    /// <param name="name">The client's name (the task hub it serves).</param>
    protected DurableTaskClient(string name)
    {
        this.Name = name;
    }

    /// <summary>The client's name (the task hub it serves).</summary>
    public string Name { get; }

    /// <summary>Schedules a new orchestration instance.</summary>
    /// <param name="orchestratorName">The orchestrator's name.</param>
    /// <param name="input">The input, serialized by the data converter.</param>
    /// <param name="options">Instance id and start time.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    /// <remarks>
    /// Idempotent per instance id while that instance is Pending, Running or Suspended: a second call returns the
    /// id and starts nothing. A finished instance with the id is replaced by a new one.
    /// </remarks>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Raises an external event on an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="eventPayload">The payload, serialized by the data converter.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>Completes when the event is sent (not when it is processed).</returns>
    /// <remarks>Events to unknown or finished instances are dropped by the worker, with a log line.</remarks>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>Terminates an instance: it stops scheduling work and ends as Terminated.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="output">The output recorded for the terminated instance.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>Completes when the request is sent.</returns>
    /// <remarks>Activities already running finish; their results are dropped. Sub-orchestrations are not terminated.</remarks>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Suspends an instance: its messages are kept, in order, until it is resumed.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>Completes when the request is sent.</returns>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Resumes a suspended instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellation">Cancels the call.</param>
    /// <returns>Completes when the request is sent.</returns>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Waits until the instance has started (is no longer Pending).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether to include payloads.</param>
    /// <param name="cancellation">Stops waiting.</param>
    /// <returns>The metadata once started.</returns>
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Waits until the instance has finished.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether to include payloads.</param>
    /// <param name="cancellation">Stops waiting.</param>
    /// <returns>The metadata once finished.</returns>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);
}
