using Emigrate.Domain;
using Emigrate.Domain.Time;
using Emigrate.Sms;
using Emigrate.Sms.Reminders;
using Emigrate.Tests.Sms.Support;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Reminders;

/// <summary>
/// End to end on the real host and Azurite: reminders scheduled through the port, the timer function run by the
/// test at set clock times, what went out read over HTTP from the outbox.
/// </summary>
[Collection(SmsCollection.Name)]
public sealed class ReminderTimerTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static DateTimeOffset Ist(int hour, int minute, int days = 0) => IndiaTime.At(Day.AddDays(days), new TimeOnly(hour, minute));

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_for_nine_in_the_morning_ist()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(20, 0));
        var found = host.Cases.Add("9876543210", Language.English);
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "1"), Ist(22, 10), default);

        host.Clock.Set(Ist(22, 15));
        var night = await host.RunReminderTimerAsync();
        host.Clock.Set(Ist(8, 45, days: 1));
        var early = await host.RunReminderTimerAsync();
        host.Clock.Set(Ist(9, 0, days: 1));
        var morning = await host.RunReminderTimerAsync();

        Assert.Equal((0, 1), (night.Sent, night.Deferred));
        Assert.Equal(0, early.Sent);
        Assert.Equal(1, morning.Sent);
        var sent = Assert.Single(await host.OutboxAsync("9876543210"));
        Assert.Equal(Ist(9, 0, days: 1), sent.At);
        Assert.Equal("reminder-documents-sent-back.en", sent.TemplateId);
        Assert.Equal("reminder", sent.Kind);
    }

    [Fact]
    public async Task A_reminder_is_sent_once_however_often_it_is_scheduled_and_the_timer_runs()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add("9876543210", Language.Hindi);
        var reminder = new Reminder(found.CaseId, ReminderReason.MedicalTomorrow, "2026-11-24");
        await host.Reminders.ScheduleAsync(reminder, Ist(10, 5), default);
        await host.Reminders.ScheduleAsync(reminder, Ist(10, 5), default);

        host.Clock.Set(Ist(10, 20));
        var first = await host.RunReminderTimerAsync();
        await host.Reminders.ScheduleAsync(reminder, Ist(10, 25), default);
        host.Clock.Set(Ist(10, 35));
        var second = await host.RunReminderTimerAsync();
        host.Clock.Set(Ist(10, 50));
        var third = await host.RunReminderTimerAsync();

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent + third.Sent);
        var sent = Assert.Single(await host.OutboxAsync("9876543210"));
        Assert.Equal(SmsTemplates.Get(SmsTemplates.MedicalTomorrow, Language.Hindi).Render(new Dictionary<string, string>
        {
            [SmsVariables.CaseId] = found.CaseId.Value,
            [SmsVariables.Date] = "24-11-2026",
        }).Text, sent.Text);
        Assert.True(SmsSegments.Count(sent.Text).FitsOneSms);
    }

    [Fact]
    public async Task A_new_occurrence_of_the_same_reason_is_a_new_reminder()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add("9876543210");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "1"), Ist(10, 0), default);
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "2"), Ist(11, 0), default);

        host.Clock.Set(Ist(11, 5));
        var run = await host.RunReminderTimerAsync();

        Assert.Equal(2, run.Sent);
        Assert.Equal(2, (await host.OutboxAsync("9876543210")).Count);
    }

    [Fact]
    public async Task After_stop_no_reminder_goes_to_the_applicant_but_the_escalation_goes_to_the_poe_office()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add("9876543210", poeOffice: "poe-delhi");
        await host.ReplyAsync("9876543210", "STOP", "m-stop");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsPending, "1"), Ist(10, 0), default);
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.ClearanceOverdue, "ARN-2026-0001"), Ist(10, 0), default);

        host.Clock.Set(Ist(10, 10));
        var run = await host.RunReminderTimerAsync();
        await host.ReplyAsync("9876543210", "START", "m-start");
        host.Clock.Set(Ist(10, 30));
        var afterStart = await host.RunReminderTimerAsync();

        Assert.Equal((1, 1), (run.Sent, run.Skipped));
        Assert.Equal(0, afterStart.Sent);
        var toApplicant = await host.OutboxAsync("9876543210");
        Assert.Equal(["start-ack.en", "stop-ack.en"], toApplicant.Select(m => m.TemplateId));
        var escalation = Assert.Single(await host.OutboxAsync("poe-delhi"));
        Assert.Equal("escalation-clearance-overdue.en", escalation.TemplateId);
        Assert.Contains("ARN-2026-0001", escalation.Text, StringComparison.Ordinal);
        Assert.Equal(ReminderDispatcher.OfficeDelivery, escalation.Delivery);
    }

    [Fact]
    public async Task A_cancelled_reminder_is_not_sent()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add("9876543210");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsPending, "1"), Ist(12, 0), default);
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "1"), Ist(12, 0), default);

        await host.Reminders.CancelAsync(found.CaseId, ReminderReason.DocumentsPending, default);
        host.Clock.Set(Ist(12, 5));
        var run = await host.RunReminderTimerAsync();

        Assert.Equal(1, run.Sent);
        Assert.Equal("reminder-documents-sent-back.en", Assert.Single(await host.OutboxAsync("9876543210")).TemplateId);
    }

    [Fact]
    public async Task A_reminder_due_earlier_than_the_last_run_is_still_found()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add("9876543210");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "1"), Ist(10, 0), default);
        host.Clock.Set(Ist(15, 0));
        await host.RunReminderTimerAsync();

        // Scheduled late by the workflow, with a due time before the timer's last run.
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "2"), Ist(11, 0), default);
        host.Clock.Set(Ist(15, 15));
        var run = await host.RunReminderTimerAsync();

        Assert.Equal(1, run.Sent);
        Assert.Equal(2, (await host.OutboxAsync("9876543210")).Count);
    }
}
