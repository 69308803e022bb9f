using Emigrate.Orchestrations;
using Serverless.Durable.Client;

namespace Emigrate.Functions.Portal;

/// <summary>Starts a case's orchestration (instance id = case id).</summary>
/// <remarks>A seam of its own so the end-to-end tests can make the start fail and check that nothing stays dead.</remarks>
public interface ICaseStarter
{
    /// <summary>Schedules the orchestration; the engine ignores a start of an instance that exists and is not finished.</summary>
    Task StartAsync(DurableTaskClient client, CaseStart start, CancellationToken cancellationToken);
}

/// <summary>The real start: one durable orchestration per case.</summary>
public sealed class DurableCaseStarter : ICaseStarter
{
    /// <inheritdoc />
    public Task StartAsync(DurableTaskClient client, CaseStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(start);
        return client.ScheduleNewOrchestrationInstanceAsync(CaseOrchestration.Name, start, new StartOrchestrationOptions(start.CaseId), cancellationToken);
    }
}
