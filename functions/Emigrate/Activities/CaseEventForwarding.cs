using Emigrate.Orchestrations;
using Serverless.Durable;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Activities;

/// <summary>Passes a case event on from the case orchestration to the phase running at the time.</summary>
public sealed class CaseEventForwarding
{
    /// <summary>How long to wait for a phase the case has just started to exist before giving up (and retrying).</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromMinutes(1);

    /// <summary>Raises <see cref="ForwardedEvent.Event"/> on its phase once the phase exists; nothing when it has ended.</summary>
    [Function(CaseActivityNames.ForwardEvent)]
    public Task ForwardEvent([ActivityTrigger] ForwardedEvent forwarded, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ForwardAsync(client, forwarded, context.CancellationToken);

    /// <summary>The activity's work, for hosts that register activities by hand (tests).</summary>
    /// <remarks>
    /// The case started the phase before it forwards, but the phase's record appears only when the engine runs its
    /// start; an event raised on an instance that does not exist yet is dropped, so wait for it. A phase that has
    /// ended needs nothing: the case takes back what the phase did not read. A second run raises the event again
    /// with the same number, which the phase drops.
    /// </remarks>
    public static async Task ForwardAsync(DurableTaskClient client, ForwardedEvent forwarded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(forwarded);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StartWait);
        OrchestrationMetadata phase = await client.WaitForInstanceStartAsync(forwarded.InstanceId, cancellation: wait.Token);
        if (phase.RuntimeStatus.IsTerminal())
        {
            return;
        }

        await client.RaiseEventAsync(forwarded.InstanceId, CaseEvents.Name, forwarded.Event, cancellationToken);
    }
}
