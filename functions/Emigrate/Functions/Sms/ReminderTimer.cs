using Emigrate.Sms.Reminders;
using Serverless.Functions;

namespace Emigrate.Functions.Sms;

/// <summary>Every 15 minutes (UTC, one firing per occurrence across hosts): sends the due reminders.</summary>
/// <remarks>Not on start-up: a quarter hour late is fine, and a restart loop must not send in a burst.</remarks>
public sealed class ReminderTimer(ReminderDispatcher dispatcher)
{
    [Function("SmsReminders")]
    public Task<ReminderRun> Run([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.RunAsync(cancellationToken);
}
