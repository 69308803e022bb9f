using Serverless.Durable.Backend;

namespace Serverless.Durable.TestWorker.Hosting;

/// <summary>The one place that knows which backend serves a task hub across processes.</summary>
public static class TaskHubBackend
{
    public static IOrchestrationBackend Create(WorkerArguments arguments, IServiceProvider services) =>
        throw new NotSupportedException("The Azure Storage backend has not landed yet; the multi-process worker needs it.");

    public static Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
