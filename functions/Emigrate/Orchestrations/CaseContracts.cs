using Emigrate.Domain.Cases;
using Emigrate.Domain.Documents;
using Emigrate.Sms;

namespace Emigrate.Orchestrations;

/// <summary>The input of a case orchestration (instance id = case id).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="RegisteredAt">When the case was registered.</param>
/// <param name="DocumentsDue">When documents must be complete (30 days after registration by default).</param>
/// <param name="ClearanceDue">The latest moment clearance may come (passport validity, later also visa expiry).</param>
/// <param name="EscalationWorkingDays">Working days after submission before the PoE office is reminded.</param>
public sealed record CaseStart(string CaseId, DateTimeOffset RegisteredAt, DateTimeOffset DocumentsDue, DateTimeOffset ClearanceDue, int EscalationWorkingDays = 1);

/// <summary>A stage change to record in the Cases row and the case's timeline.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Stage">The new stage.</param>
/// <param name="At">When (the orchestration's clock).</param>
/// <param name="EventTarget">
/// The instance the portal raises the case's events on: always the case orchestration (the case id), which forwards
/// them to the phase running at the time.
/// </param>
/// <param name="Note">Why, when there is more to say than the stage (a reason, a result).</param>
/// <param name="Facts">Values to keep on the case row (appointment, policy, ARN, EC number…).</param>
public sealed record StageChange(
    string CaseId,
    CaseStage Stage,
    DateTimeOffset At,
    string EventTarget,
    string? Note = null,
    IReadOnlyDictionary<string, string>? Facts = null);

/// <summary>Where the documents of a case stand, as the documents table says.</summary>
/// <param name="AllApproved">Every required document has an approved latest version.</param>
/// <param name="SentBack">Required documents whose latest review sent them back.</param>
/// <param name="SendBackRounds">Rounds of send-back so far.</param>
public sealed record DocumentsStatus(bool AllApproved, IReadOnlyList<DocumentType> SentBack, int SendBackRounds);

/// <summary>Reopen every document of a case for re-upload after a PoE send-back.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reason">The PoE's reason.</param>
public sealed record ReopenDocuments(string CaseId, string Reason);

/// <summary>A reminder to schedule.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reason">Why.</param>
/// <param name="Occurrence">Which instance of the reason.</param>
/// <param name="DueAt">When.</param>
public sealed record ReminderRequest(string CaseId, ReminderReason Reason, string Occurrence, DateTimeOffset DueAt);

/// <summary>Reminders of one reason to cancel.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reason">Why they were scheduled.</param>
public sealed record ReminderCancellation(string CaseId, ReminderReason Reason);

/// <summary>A notification SMS to the applicant (registration, clearance result).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="TemplateKey">The template (<c>SmsTemplates.Cleared</c>…).</param>
/// <param name="Values">Template variables beyond the case id.</param>
public sealed record CaseSms(string CaseId, string TemplateKey, IReadOnlyDictionary<string, string>? Values = null);

/// <summary>How a documents or medical phase ended.</summary>
/// <param name="Stage">The stage the case is at now (recorded by the phase, except after a PoE send-back).</param>
/// <param name="MedicalExpiresAt">When a fit certificate expires.</param>
/// <param name="NoShows">No-shows so far, this one included.</param>
/// <param name="LastSequence">The last forwarded event the phase took (<see cref="CaseEvent.Sequence"/>); the case takes back later ones.</param>
public sealed record PhaseOutcome(CaseStage Stage, DateTimeOffset? MedicalExpiresAt = null, int NoShows = 0, long LastSequence = 0);

/// <summary>A case event the case orchestration passes on to the phase running at the time.</summary>
/// <param name="InstanceId">The phase's instance id.</param>
/// <param name="Event">The event, numbered.</param>
public sealed record ForwardedEvent(string InstanceId, CaseEvent Event);

/// <summary>The orchestration's custom status: what a status query shows without reading the table.</summary>
/// <param name="Stage">The current stage.</param>
/// <param name="NextStep">The next step, in English.</param>
public sealed record CaseStatus(CaseStage Stage, string NextStep);

/// <summary>The names of the activities the case orchestrations call.</summary>
public static class CaseActivityNames
{
    /// <summary>Records a <see cref="StageChange"/>.</summary>
    public const string RecordStage = "Case_RecordStage";

    /// <summary>Reads a case's <see cref="DocumentsStatus"/>.</summary>
    public const string GetDocumentsStatus = "Case_GetDocumentsStatus";

    /// <summary>Applies <see cref="Orchestrations.ReopenDocuments"/>.</summary>
    public const string ReopenDocuments = "Case_ReopenDocuments";

    /// <summary>Schedules a <see cref="ReminderRequest"/>.</summary>
    public const string ScheduleReminder = "Case_ScheduleReminder";

    /// <summary>Applies a <see cref="ReminderCancellation"/>.</summary>
    public const string CancelReminders = "Case_CancelReminders";

    /// <summary>Sends a <see cref="CaseSms"/>.</summary>
    public const string SendSms = "Case_SendSms";

    /// <summary>Raises a <see cref="ForwardedEvent"/> on its phase.</summary>
    public const string ForwardEvent = "Case_ForwardEvent";
}
