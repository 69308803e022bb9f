using Serverless.Durable.History;

namespace Serverless.Durable.Backend;

/// <summary>
/// Where the engine keeps instances, histories and messages. The engine core is backend-agnostic; a backend
/// only stores and delivers. See <c>functions/Serverless.Durable/README.md</c> for the whole contract.
/// </summary>
/// <remarks>
/// <para><b>Delivery.</b> Messages are delivered at least once, possibly out of send order between senders, never before
/// <see cref="TaskMessage.VisibleAt"/>. Each delivery sets <see cref="TaskMessage.DequeueCount"/> (1 on the first);
/// an abandoned or expired delivery is redelivered with a higher count. The engine tolerates duplicates.</para>
/// <para><b>Serialisation.</b> At most one orchestration work item per instance is locked at a time, across all
/// processes. A commit is atomic per instance (history, state and the consumption of the work item's messages all
/// happen or none do) and conditional on the work item's <see cref="OrchestrationWorkItem.ETag"/>; outbound messages
/// may be sent before the commit is visible but never when it fails, or after it, as long as a crash between them
/// leaves the inbound messages to be redelivered (the engine drops the resulting duplicates).</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently from any number of workers and clients.</para>
/// </remarks>
public interface IOrchestrationBackend
{
    /// <summary>The longest delay a message can be sent with (Azure queues: 7 days); <see langword="null"/> for no limit.</summary>
    /// <remarks>The engine re-sends longer timers in hops no longer than this, and never applies a timer before it is due.</remarks>
    TimeSpan? MaxMessageDelay { get; }

    /// <summary>Locks the next instance that has visible messages, with its state, history and all those messages.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A work item; <see langword="null"/> when none became available within the backend's poll interval (the caller loops).</returns>
    /// <remarks>Messages that arrive for a locked instance wait for its next work item. Throws <see cref="OperationCanceledException"/> on cancellation.</remarks>
    Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken);

    /// <summary>Commits a step atomically: appends (or replaces) history, writes the state, consumes the work item's messages, sends the outbound ones, releases the lock.</summary>
    /// <param name="workItem">The locked work item.</param>
    /// <param name="commit">What the step produced.</param>
    /// <param name="cancellationToken">Cancels the call (the commit may or may not have happened).</param>
    /// <returns>Completes when committed.</returns>
    /// <exception cref="WorkItemLockLostException">The instance was locked by another worker or changed since (ETag mismatch); nothing was written or sent.</exception>
    Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken);

    /// <summary>Releases the lock without effect; the work item's messages are redelivered (with higher dequeue counts) after <paramref name="retryDelay"/>.</summary>
    /// <param name="workItem">The locked work item.</param>
    /// <param name="retryDelay">How long to keep the messages invisible.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Completes when released. A lost lock is not an error here.</returns>
    Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan retryDelay, CancellationToken cancellationToken);

    /// <summary>Locks the next visible activity call.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A work item; <see langword="null"/> when none became available within the backend's poll interval.</returns>
    Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken);

    /// <summary>Delivers an activity's outcome to its orchestration and deletes the call.</summary>
    /// <param name="workItem">The locked activity call.</param>
    /// <param name="result">The outcome (a <see cref="TaskCompletedEvent"/> or <see cref="TaskFailedEvent"/> message to the caller).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Completes when the outcome is sent and the call deleted.</returns>
    /// <remarks>The outcome must be sent before the call is deleted. If the lock was lost the outcome may still be sent: the engine drops the duplicate.</remarks>
    Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken);

    /// <summary>Releases an activity call for redelivery.</summary>
    /// <param name="workItem">The locked activity call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Completes when released.</returns>
    Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken);

    /// <summary>Creates an instance (state Pending) and sends its start message, unless an unfinished instance has the id.</summary>
    /// <param name="state">The new state (status <see cref="OrchestrationRuntimeStatus.Pending"/>).</param>
    /// <param name="startMessage">The <see cref="ExecutionStartedEvent"/> message, visible at the scheduled start.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="true"/> when created; <see langword="false"/> when an instance with the id is Pending, Running or
    /// Suspended (nothing is written). A finished instance is replaced: its history is deleted.
    /// </returns>
    /// <remarks>Must be race-free across processes: of two concurrent creates of one id at most one returns <see langword="true"/>.</remarks>
    Task<bool> CreateInstanceAsync(OrchestrationState state, TaskMessage startMessage, CancellationToken cancellationToken);

    /// <summary>Sends a message to an orchestration instance (events, terminate, suspend, resume).</summary>
    /// <param name="message">The message; sent whether or not the instance exists (the engine drops what has no instance).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Completes when sent.</returns>
    Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken);

    /// <summary>Reads an instance's state.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="fetchInputsAndOutputs">Whether to include input, output and custom status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state, or <see langword="null"/> when there is no such instance.</returns>
    Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInputsAndOutputs, CancellationToken cancellationToken);

    /// <summary>Waits until the instance exists and its state satisfies <paramref name="condition"/>.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="condition">The condition on the state (with inputs and outputs).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The first state seen to satisfy the condition.</returns>
    /// <remarks>Backends without change notification poll (with back-off).</remarks>
    Task<OrchestrationState> WaitForStateAsync(string instanceId, Func<OrchestrationState, bool> condition, CancellationToken cancellationToken);

    /// <summary>Answers one page of an instance query.</summary>
    /// <param name="query">The filter and page position.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<InstanceQueryPage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes a finished instance: state, history and any messages left for it.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when deleted; <see langword="false"/> when absent or not finished.</returns>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Reads the history of an instance's current execution.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events in order; empty when there is no such instance.</returns>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);
}
