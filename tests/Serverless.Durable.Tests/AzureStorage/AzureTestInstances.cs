using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>Creates instances straight through the backend, as a client would, without a worker.</summary>
internal static class AzureTestInstances
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Task<bool> CreateAsync(IOrchestrationBackend backend, string instanceId, CancellationToken cancellationToken, string name = "Test", DateTimeOffset? createdAt = null)
    {
        string executionId = Guid.NewGuid().ToString("N");
        DateTimeOffset at = createdAt ?? Start;
        var state = new OrchestrationState
        {
            InstanceId = instanceId,
            Name = name,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            CreatedAt = at,
            LastUpdatedAt = at,
        };
        var start = new TaskMessage($"{instanceId}:start", instanceId, executionId, new ExecutionStartedEvent(at, name, executionId, null, null));
        return backend.CreateInstanceAsync(state, start, cancellationToken);
    }

    public static OrchestrationCommit Commit(OrchestrationWorkItem item, string marker, int events = 1, int padding = 0) => new()
    {
        NewEvents = [.. Enumerable.Range(0, events).Select(i => (HistoryEvent)new EventRaisedEvent(Start, marker, new string('x', padding), $"{marker}-{i}"))],
        NewState = item.State! with { Status = OrchestrationRuntimeStatus.Running, CustomStatus = marker },
    };
}
