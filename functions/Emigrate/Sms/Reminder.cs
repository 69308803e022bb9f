using Emigrate.Domain;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Sms;

/// <summary>Who a reminder goes to.</summary>
public enum ReminderRecipient
{
    /// <summary>The applicant's registered mobile.</summary>
    Applicant,

    /// <summary>The PoE office of the case's jurisdiction.</summary>
    PoeOffice,
}

/// <summary>
/// One reminder of a case. <paramref name="Occurrence"/> tells apart legitimate repeats of a reason (the second
/// send-back round, a rebooked medical); the same reason and occurrence is never sent twice.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reason">Why.</param>
/// <param name="Occurrence">Which instance of the reason: a round number, an appointment date, a submission's ARN.</param>
public sealed record Reminder(CaseId CaseId, ReminderReason Reason, string Occurrence)
{
    /// <summary>Who receives it.</summary>
    public ReminderRecipient Recipient => Reason == ReminderReason.ClearanceOverdue ? ReminderRecipient.PoeOffice : ReminderRecipient.Applicant;

    /// <summary>The key an outbox stores insert-if-absent, so a retried activity cannot send it twice.</summary>
    public string DeduplicationKey => $"{CaseId.Value}|{WireNames.Of(Reason)}|{Occurrence}";

    /// <summary>The template the reminder is rendered from.</summary>
    public string TemplateKey => Reason switch
    {
        ReminderReason.DocumentsPending => SmsTemplates.DocumentsPending,
        ReminderReason.DocumentsSentBack => SmsTemplates.DocumentsSentBack,
        ReminderReason.MedicalTomorrow => SmsTemplates.MedicalTomorrow,
        ReminderReason.ClearanceOverdue => SmsTemplates.ClearanceOverdue,
        _ => throw new InvalidOperationException($"No template for {Reason}."),
    };
}
