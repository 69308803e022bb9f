using Microsoft.Extensions.Hosting;

namespace Emigrate.Sms.Outbound;

/// <summary>Holds the host's stop until the outbox records its callers did not wait for have landed.</summary>
internal sealed class SmsOutboxDrain(SmsOutbox outbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The host's shutdown grace period is the limit: its token ends the wait.
    public Task StopAsync(CancellationToken cancellationToken) => outbox.DrainAsync().WaitAsync(cancellationToken);
}
