using Emigrate.Domain;
using Emigrate.Domain.Time;
using Emigrate.Sms;
using Emigrate.Sms.Reminders;
using Emigrate.Tests.Sms.Support;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Reminders;

/// <summary>
/// The timer on the real host and Azurite at the edges of the sending window, run twice at once, and around a
/// STOP and a START.
/// </summary>
[Collection(SmsCollection.Name)]
public sealed class ReminderWindowTests(AzuriteFixture azurite)
{
    private const string Mobile = "9876543210";
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static DateTimeOffset Ist(int hour, int minute, int days = 0) => IndiaTime.At(Day.AddDays(days), new TimeOnly(hour, minute));

    [Theory]
    [InlineData(9, 0)]
    [InlineData(20, 59)]
    public async Task A_reminder_due_at_the_edge_inside_the_window_goes_at_once(int hour, int minute)
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(hour, minute));
        var found = host.Cases.Add(Mobile);
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsPending, "r1"), Ist(hour, minute), default);

        var run = await host.RunReminderTimerAsync();

        Assert.Equal((1, 0), (run.Sent, run.Deferred));
        Assert.Equal(Ist(hour, minute), Assert.Single(await host.OutboxAsync(Mobile)).At);
    }

    [Theory]
    [InlineData(8, 59, 0)]
    [InlineData(21, 0, 1)]
    public async Task A_reminder_due_at_the_edge_outside_the_window_waits_for_the_next_nine_in_the_morning(int hour, int minute, int daysToMorning)
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(hour, minute));
        var found = host.Cases.Add(Mobile);
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "r1s1"), Ist(hour, minute), default);

        var quiet = await host.RunReminderTimerAsync();
        host.Clock.Set(Ist(8, 59, daysToMorning));
        var justBefore = await host.RunReminderTimerAsync();
        host.Clock.Set(Ist(9, 0, daysToMorning));
        var morning = await host.RunReminderTimerAsync();

        Assert.Equal((0, 1), (quiet.Sent, quiet.Deferred));
        Assert.Equal(0, justBefore.Sent);
        Assert.Equal(1, morning.Sent);
        Assert.Equal(Ist(9, 0, daysToMorning), Assert.Single(await host.OutboxAsync(Mobile)).At);
    }

    [Fact]
    public async Task Two_timer_runs_at_once_send_a_due_reminder_once()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add(Mobile);
        for (int round = 1; round <= 5; round++)
        {
            await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, $"r1s{round}"), Ist(10, 0), default);
        }

        host.Clock.Set(Ist(10, 5));
        await Task.WhenAll(host.RunReminderTimerAsync(), host.RunReminderTimerAsync());
        host.Clock.Set(Ist(10, 20));
        await host.RunReminderTimerAsync();

        // What went out is the truth: the runs' own counts may disagree on who sent (both race to mark the reminder).
        var sent = await host.OutboxAsync(Mobile);
        Assert.Equal(5, sent.Count);
    }

    [Fact]
    public async Task A_reminder_due_after_stop_is_held_back_and_one_due_after_start_goes_out()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add(Mobile);
        await host.ReplyAsync(Mobile, "STOP", "m-stop");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsPending, "r1"), Ist(10, 0), default);
        host.Clock.Set(Ist(10, 5));
        var stopped = await host.RunReminderTimerAsync();

        await host.ReplyAsync(Mobile, "START", "m-start");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "r1s1"), Ist(10, 30), default);
        host.Clock.Set(Ist(10, 35));
        var started = await host.RunReminderTimerAsync();

        Assert.Equal((0, 1), (stopped.Sent, stopped.Skipped));
        Assert.Equal(1, started.Sent);
        var toApplicant = await host.OutboxAsync(Mobile);
        Assert.Equal(["reminder-documents-sent-back.en", "start-ack.en", "stop-ack.en"], toApplicant.Select(m => m.TemplateId));
    }

    [Fact]
    public async Task A_reminder_held_back_by_stop_is_not_sent_after_start()
    {
        await using var host = await SmsHost.StartAsync(azurite, Ist(10, 0));
        var found = host.Cases.Add(Mobile, Language.Hindi);
        await host.ReplyAsync(Mobile, "STOP", "m-stop");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.MedicalTomorrow, "2026-11-24"), Ist(10, 0), default);
        host.Clock.Set(Ist(10, 5));
        await host.RunReminderTimerAsync();

        await host.ReplyAsync(Mobile, "START", "m-start");
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.MedicalTomorrow, "2026-11-24"), Ist(10, 10), default);
        host.Clock.Set(Ist(10, 20));
        var again = await host.RunReminderTimerAsync();

        Assert.Equal(0, again.Sent);
        Assert.DoesNotContain(await host.OutboxAsync(Mobile), m => m.Kind == "reminder");
    }
}
