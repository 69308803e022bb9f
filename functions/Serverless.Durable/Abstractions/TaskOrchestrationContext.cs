namespace Serverless.Durable;

/// <summary>The orchestrator's handle on the engine: everything an orchestrator does durably goes through it.</summary>
/// <remarks>
/// An orchestrator is replayed from its history every time it makes progress. Every call on this context either
/// completes from history or schedules new work, in the order the code makes it. The code must therefore be
/// deterministic: no <c>DateTime.UtcNow</c> (use <see cref="CurrentUtcDateTime"/>), no <c>Guid.NewGuid()</c>
/// (use <see cref="NewGuid"/>), no I/O, no <c>Task.Run</c>/<c>Task.Delay</c> and no
/// <c>ConfigureAwait(false)</c>; do such work in activities. Changing the sequence of calls while instances are
/// running fails those instances with a <see cref="NonDeterministicOrchestrationException"/>.
/// </remarks>
public abstract partial class TaskOrchestrationContext
{
    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The current time, deterministic across replays: the time the current step of the orchestration started.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Whether the code is replaying history (as opposed to running for the first time).</summary>
    /// <remarks>Use it to avoid repeating side effects such as log lines; never to decide what to schedule.</remarks>
    public abstract bool IsReplaying { get; }

    /// <summary>Reads the orchestration's input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input, or <see langword="default"/> when there is none.</returns>
    public abstract T? GetInput<T>();

    /// <summary>Creates a GUID that is the same on every replay (a name-based UUID).</summary>
    /// <returns>A GUID unique to this instance, time and call.</returns>
    public abstract Guid NewGuid();

    /// <summary>Calls an activity and returns its result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="name">The activity's registered name.</param>
    /// <param name="input">The input, serialized by the data converter.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>The result; a failure throws <see cref="TaskFailedException"/>.</returns>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Calls an activity and waits for it to finish.</summary>
    /// <param name="name">The activity's registered name.</param>
    /// <param name="input">The input, serialized by the data converter.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>Completes when the activity has; a failure throws <see cref="TaskFailedException"/>.</returns>
    public virtual Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        this.CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts a sub-orchestration and returns its output.</summary>
    /// <typeparam name="TResult">The output type.</typeparam>
    /// <param name="orchestratorName">The sub-orchestrator's registered name.</param>
    /// <param name="input">The input, serialized by the data converter.</param>
    /// <param name="options">Retry options, and the child's instance id with <see cref="SubOrchestrationOptions"/>.</param>
    /// <returns>The output; a failure throws <see cref="SubOrchestrationFailedException"/>.</returns>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Starts a sub-orchestration and waits for it to finish.</summary>
    /// <param name="orchestratorName">The sub-orchestrator's registered name.</param>
    /// <param name="input">The input, serialized by the data converter.</param>
    /// <param name="options">Retry options, and the child's instance id with <see cref="SubOrchestrationOptions"/>.</param>
    /// <returns>Completes when the child has; a failure throws <see cref="SubOrchestrationFailedException"/>.</returns>
    public virtual Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, TaskOptions? options = null) =>
        this.CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>Creates a durable timer that fires at <paramref name="fireAt"/>, never earlier.</summary>
    /// <param name="fireAt">When the timer fires (UTC).</param>
    /// <param name="cancellationToken">Cancels the wait (the recorded timer still fires later, to no effect).</param>
    /// <returns>Completes when the timer fires; canceled when the token is.</returns>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires <paramref name="delay"/> after <see cref="CurrentUtcDateTime"/>.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Completes when the timer fires; canceled when the token is.</returns>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        this.CreateTimer(this.CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Sets the status shown to clients; stored when the current step is checkpointed.</summary>
    /// <param name="customStatus">A serializable value, or <see langword="null"/> to clear it.</param>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the orchestration with new input and an empty history once the orchestrator returns.</summary>
    /// <param name="newInput">The input of the next execution.</param>
    /// <param name="preserveUnprocessedEvents">
    /// Whether external events received but not yet waited for are carried to the next execution (in order);
    /// otherwise they are dropped.
    /// </param>
    /// <remarks>The orchestrator's return value is ignored. Use it for eternal orchestrations so history stays short.</remarks>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);
}
