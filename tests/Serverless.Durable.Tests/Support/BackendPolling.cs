using Serverless.Durable.Backend;

namespace Serverless.Durable.Tests.Support;

/// <summary>Locks work items straight from a backend, polling again when a long poll ends empty (the contract allows it, as workers loop).</summary>
internal static class BackendPolling
{
    public static async Task<OrchestrationWorkItem> LockOrchestrationAsync(IOrchestrationBackend backend, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await backend.LockNextOrchestrationWorkItemAsync(cancellationToken) is { } item)
            {
                return item;
            }
        }
    }

    public static async Task<ActivityWorkItem> LockActivityAsync(IOrchestrationBackend backend, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await backend.LockNextActivityWorkItemAsync(cancellationToken) is { } item)
            {
                return item;
            }
        }
    }
}
