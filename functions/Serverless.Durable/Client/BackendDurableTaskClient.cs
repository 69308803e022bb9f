using Microsoft.Extensions.Logging;
using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.Client;

/// <summary>A <see cref="DurableTaskClient"/> that talks to an <see cref="IOrchestrationBackend"/> directly.</summary>
public sealed partial class BackendDurableTaskClient : DurableTaskClient
{
    private readonly IOrchestrationBackend backend;
    private readonly DataConverter converter;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    /// <summary>Creates a client.</summary>
    /// <param name="backend">Where instances and messages are.</param>
    /// <param name="converter">Serializes inputs, payloads and outputs.</param>
    /// <param name="timeProvider">The clock for timestamps.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <param name="name">The client's name.</param>
    public BackendDurableTaskClient(IOrchestrationBackend backend, DataConverter converter, TimeProvider timeProvider, ILoggerFactory loggerFactory, string name = "default")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.backend = backend;
        this.converter = converter;
        this.timeProvider = timeProvider;
        this.logger = loggerFactory.CreateLogger<BackendDurableTaskClient>();
    }

    /// <inheritdoc/>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId, nameof(options));
        DateTimeOffset now = this.timeProvider.GetUtcNow();
        string executionId = Guid.NewGuid().ToString("N");
        string? serializedInput = this.converter.Serialize(input);
        DateTimeOffset? startAt = options?.StartAt is { } at && at > now ? at : null;
        var start = new ExecutionStartedEvent(now, orchestratorName, executionId, serializedInput, null) { ScheduledStartAt = startAt };
        var state = new OrchestrationState
        {
            InstanceId = instanceId,
            Name = orchestratorName,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            ScheduledStartAt = startAt,
            Input = serializedInput,
        };

        // A start beyond the backend's delay limit is sent as far as allowed; the engine re-sends it until due.
        DateTimeOffset? visibleAt = startAt is { } due && this.backend.MaxMessageDelay is { } max && due - now > max ? now + max : startAt;
        var message = new TaskMessage($"{instanceId}:{executionId}:start", instanceId, executionId, start) { VisibleAt = visibleAt };
        if (!await this.backend.CreateInstanceAsync(state, message, cancellation))
        {
            Log.InstanceAlreadyExists(this.logger, instanceId);
        }

        return instanceId;
    }

    /// <inheritdoc/>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        string messageId = Guid.NewGuid().ToString("N");
        return this.SendAsync(instanceId, messageId, new EventRaisedEvent(this.timeProvider.GetUtcNow(), eventName, this.converter.Serialize(eventPayload), messageId), cancellation);
    }

    /// <inheritdoc/>
    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, Guid.NewGuid().ToString("N"), new ExecutionTerminatedEvent(this.timeProvider.GetUtcNow(), this.converter.Serialize(output)), cancellation);

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, Guid.NewGuid().ToString("N"), new ExecutionSuspendedEvent(this.timeProvider.GetUtcNow(), reason), cancellation);

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, Guid.NewGuid().ToString("N"), new ExecutionResumedEvent(this.timeProvider.GetUtcNow(), reason), cancellation);

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        OrchestrationState state = await this.backend.WaitForStateAsync(instanceId, s => s.Status != OrchestrationRuntimeStatus.Pending, cancellation);
        return this.ToMetadata(state, getInputsAndOutputs);
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        OrchestrationState state = await this.backend.WaitForStateAsync(instanceId, s => s.Status.IsTerminal(), cancellation);
        return this.ToMetadata(state, getInputsAndOutputs);
    }

    private Task SendAsync(string instanceId, string messageId, HistoryEvent e, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return this.backend.SendMessageAsync(new TaskMessage(messageId, instanceId, null, e), cancellation);
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withPayloads) => new(state.Name, state.InstanceId, this.converter)
    {
        RuntimeStatus = state.Status,
        CreatedAt = state.CreatedAt,
        LastUpdatedAt = state.LastUpdatedAt,
        SerializedInput = withPayloads ? state.Input : null,
        SerializedOutput = withPayloads ? state.Output : null,
        SerializedCustomStatus = withPayloads ? state.CustomStatus : null,
        FailureDetails = state.FailureDetails,
    };
}
