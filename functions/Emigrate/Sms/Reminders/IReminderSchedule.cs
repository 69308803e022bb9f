using Emigrate.Domain.Identifiers;

namespace Emigrate.Sms.Reminders;

/// <summary>
/// The reminders index: the case workflow schedules reminders here; a timer function sends the due ones
/// (inside 09:00–21:00 IST, once per reason and occurrence, honouring STOP).
/// </summary>
public interface IReminderSchedule
{
    /// <summary>Schedules a reminder to be sent at or after <paramref name="dueAt"/>; scheduling the same reminder again changes nothing.</summary>
    Task ScheduleAsync(Reminder reminder, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Cancels every not-yet-sent reminder of the case for the reason (the case moved on).</summary>
    Task CancelAsync(CaseId caseId, ReminderReason reason, CancellationToken cancellationToken);
}
