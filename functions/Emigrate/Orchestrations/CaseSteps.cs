using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Sms;
using Microsoft.Extensions.Logging;
using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>The activity calls every case orchestrator makes, with the custom status kept in step with the row.</summary>
internal sealed class CaseSteps(TaskOrchestrationContext context, string caseId)
{
    public DateTimeOffset Now => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    // The portal raises every event on the case orchestration (the case id), whichever orchestration records.
    public async Task RecordAsync(CaseStage stage, string? note = null, IReadOnlyDictionary<string, string>? facts = null)
    {
        await context.CallActivityAsync(CaseActivityNames.RecordStage, new StageChange(caseId, stage, this.Now, caseId, note, facts));
        this.ShowStatus(stage);
    }

    public void ShowStatus(CaseStage stage) =>
        context.SetCustomStatus(new CaseStatus(stage, StageTexts.For(stage, Language.English).NextStep));

    public Task ForwardAsync(string phaseId, CaseEvent caseEvent) =>
        this.NotifyAsync(CaseActivityNames.ForwardEvent, new ForwardedEvent(phaseId, caseEvent));

    public Task ScheduleReminderAsync(ReminderReason reason, string occurrence, DateTimeOffset dueAt) =>
        this.NotifyAsync(CaseActivityNames.ScheduleReminder, new ReminderRequest(caseId, reason, occurrence, dueAt));

    public Task CancelReminderAsync(ReminderReason reason) =>
        this.NotifyAsync(CaseActivityNames.CancelReminders, new ReminderCancellation(caseId, reason));

    public Task SendSmsAsync(string templateKey, IReadOnlyDictionary<string, string>? values = null) =>
        this.NotifyAsync(CaseActivityNames.SendSms, new CaseSms(caseId, templateKey, values));

    // Reminders, SMS and forwarding are retried, but one that still fails must not stop the case: it is logged
    // (once, replay-safe) and the case moves on (a forwarded event the phase never took is taken back when the
    // phase ends). Stage changes are not wrapped: without them the row would lie.
    private async Task NotifyAsync(string activity, object input)
    {
        try
        {
            await context.CallActivityAsync(activity, input, Retry);
        }
        catch (TaskFailedException e)
        {
            Log.NotificationFailed(context.CreateReplaySafeLogger<CaseSteps>(), e, caseId, activity);
        }
    }

    private static readonly TaskOptions Retry = new(new TaskRetryOptions(new RetryPolicy(3, TimeSpan.FromSeconds(5))));
}
