using System.Text.Json;
using Emigrate.Data.Cases;
using Emigrate.Data.Documents;
using Emigrate.Domain;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Registration;
using Emigrate.Orchestrations;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Sms.Reminders;
using Serverless.Durable;
using Serverless.Functions;

namespace Emigrate.Activities;

/// <summary>
/// The I/O of the case orchestrations. Each activity is idempotent: writes are upserts keyed by the case and stage
/// change, reminders are deduplicated by reason and occurrence, and SMS by the engine's activity id.
/// </summary>
public sealed class CaseActivities(CaseStore cases, DocumentStore documents, IServiceProvider services)
{
    /// <summary>Records a stage change in the Cases row, its timeline and indexes.</summary>
    [Function(CaseActivityNames.RecordStage)]
    public Task RecordStage([ActivityTrigger] StageChange change, FunctionContext context) =>
        cases.RecordStageAsync(change, context.CancellationToken);

    /// <summary>Where the case's required documents stand.</summary>
    [Function(CaseActivityNames.GetDocumentsStatus)]
    public async Task<DocumentsStatus> GetDocumentsStatus([ActivityTrigger] string caseId, FunctionContext context)
    {
        CaseRecord record = await cases.FindAsync(caseId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Case {caseId} has no row.");
        Applicant applicant = JsonSerializer.Deserialize<Applicant>(record.ApplicantJson, EmigrateJson.Options)!;
        IReadOnlyList<DocumentType> required = RequiredDocuments.For(applicant);

        // The row just read is the copy's first read of it: the document rows are read after it, as the copy needs.
        IReadOnlyDictionary<DocumentType, DocumentState> states = await documents.StatesCopiedToCaseRowAsync(caseId, record, context.CancellationToken);
        var latest = states.ToDictionary(s => s.Key, s => s.Value.State);
        var sentBack = required.Where(t => latest.TryGetValue(t, out var s) && s == DocumentReviewState.SentBack).ToList();

        // Read after the states: a review counts its round before it writes the send-back, so a send-back seen above
        // is counted here (read at once, a reminder of its round could be missed).
        int rounds = await documents.RoundsAsync(caseId, context.CancellationToken);
        return new DocumentsStatus(DocumentChecklist.Evaluate(required, latest) == DocumentsProgress.AllApproved, sentBack, rounds);
    }

    /// <summary>Sends every approved document back after a PoE send-back.</summary>
    [Function(CaseActivityNames.ReopenDocuments)]
    public Task ReopenDocuments([ActivityTrigger] ReopenDocuments reopen, FunctionContext context) =>
        documents.ReopenAsync(reopen.CaseId, reopen.Reason, context.CancellationToken);

    /// <summary>Schedules a reminder (the schedule ignores a repeat).</summary>
    [Function(CaseActivityNames.ScheduleReminder)]
    public Task ScheduleReminder([ActivityTrigger] ReminderRequest request, FunctionContext context) =>
        services.GetRequiredService<IReminderSchedule>().ScheduleAsync(
            new Reminder(ParseCaseId(request.CaseId), request.Reason, request.Occurrence), request.DueAt, context.CancellationToken);

    /// <summary>Cancels the case's pending reminders of one reason.</summary>
    [Function(CaseActivityNames.CancelReminders)]
    public Task CancelReminders([ActivityTrigger] ReminderCancellation cancellation, FunctionContext context) =>
        services.GetRequiredService<IReminderSchedule>().CancelAsync(ParseCaseId(cancellation.CaseId), cancellation.Reason, context.CancellationToken);

    /// <summary>Sends a notification SMS once per activity call (the activity id is the idempotency key).</summary>
    [Function(CaseActivityNames.SendSms)]
    public async Task SendSms([ActivityTrigger] CaseSms sms, TaskActivityContext activity, FunctionContext context)
    {
        CaseRecord record = await cases.FindAsync(sms.CaseId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Case {sms.CaseId} has no row.");
        Applicant applicant = JsonSerializer.Deserialize<Applicant>(record.ApplicantJson, EmigrateJson.Options)!;
        var values = new Dictionary<string, string>(sms.Values ?? new Dictionary<string, string>()) { ["caseId"] = sms.CaseId };
        SmsMessage message = SmsTemplates.Get(sms.TemplateKey, applicant.PreferredLanguage).Render(values);
        OutboundKind kind = sms.TemplateKey == SmsTemplates.RegistrationAcknowledgement ? OutboundKind.Acknowledgement : OutboundKind.ClearanceResult;
        await services.GetRequiredService<ISmsSender>().SendAsync(
            new OutboundSms(activity.ActivityId, applicant.Mobile, message, kind, ParseCaseId(sms.CaseId)), context.CancellationToken);
    }

    private static CaseId ParseCaseId(string value) =>
        CaseId.TryParse(value, out CaseId? id) ? id : throw new ArgumentException($"Not a case id: {value}", nameof(value));
}
