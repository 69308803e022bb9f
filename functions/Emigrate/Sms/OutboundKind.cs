namespace Emigrate.Sms;

/// <summary>The kinds of outbound SMS, which differ in what may hold them back.</summary>
public enum OutboundKind
{
    /// <summary>An answer to an inbound SMS (STATUS, HELP, STOP, START): the person asked for it.</summary>
    Reply,

    /// <summary>The registration acknowledgement.</summary>
    Acknowledgement,

    /// <summary>A reminder: respects STOP and quiet hours, never sent twice.</summary>
    Reminder,

    /// <summary>The clearance result: sent even after STOP (DOMAIN.md) and at any hour, as it is transactional.</summary>
    ClearanceResult,
}

/// <summary>What may hold an outbound SMS back.</summary>
public static class OutboundPolicy
{
    /// <summary>Whether an applicant's STOP blocks this kind.</summary>
    public static bool IsBlockedByStop(OutboundKind kind) => kind == OutboundKind.Reminder;

    /// <summary>Whether this kind waits for the 09:00–21:00 IST window.</summary>
    public static bool WaitsForQuietHours(OutboundKind kind) => kind == OutboundKind.Reminder;

    /// <summary>
    /// Whether a reminder may be sent: not already sent (by deduplication key), and — for one to the applicant —
    /// not after STOP. Escalations to a PoE office ignore the applicant's STOP.
    /// </summary>
    public static bool MaySend(Reminder reminder, bool applicantOptedOut, IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(alreadySent);
        if (alreadySent.Contains(reminder.DeduplicationKey))
        {
            return false;
        }

        return !(applicantOptedOut && reminder.Recipient == ReminderRecipient.Applicant);
    }

    /// <summary>When a reminder due at <paramref name="due"/> goes out, after quiet hours.</summary>
    public static DateTimeOffset SendTime(OutboundKind kind, DateTimeOffset due) =>
        WaitsForQuietHours(kind) ? QuietHours.NextAllowedSendTime(due) : due;

    /// <summary>
    /// When the "medical tomorrow" reminder for an appointment is due: 24 hours before, moved by quiet hours.
    /// </summary>
    public static DateTimeOffset MedicalReminderTime(DateTimeOffset appointment) =>
        QuietHours.NextAllowedSendTime(appointment.AddHours(-24));
}
