using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Sms;
using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>The activity calls every case orchestrator makes, with the custom status kept in step with the row.</summary>
internal sealed class CaseSteps(TaskOrchestrationContext context, string caseId)
{
    public DateTimeOffset Now => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    public async Task RecordAsync(CaseStage stage, string eventTarget, string? note = null, IReadOnlyDictionary<string, string>? facts = null)
    {
        await context.CallActivityAsync(CaseActivityNames.RecordStage, new StageChange(caseId, stage, this.Now, eventTarget, note, facts));
        context.SetCustomStatus(new CaseStatus(stage, StageTexts.For(stage, Language.English).NextStep));
    }

    public Task ScheduleReminderAsync(ReminderReason reason, string occurrence, DateTimeOffset dueAt) =>
        context.CallActivityAsync(CaseActivityNames.ScheduleReminder, new ReminderRequest(caseId, reason, occurrence, dueAt));

    public Task CancelReminderAsync(ReminderReason reason) =>
        context.CallActivityAsync(CaseActivityNames.CancelReminders, new ReminderCancellation(caseId, reason));

    public Task SendSmsAsync(string templateKey, IReadOnlyDictionary<string, string>? values = null) =>
        context.CallActivityAsync(CaseActivityNames.SendSms, new CaseSms(caseId, templateKey, values));
}
