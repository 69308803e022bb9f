using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Time;
using Emigrate.Sms;

namespace Emigrate.Tests.Sms;

public sealed class QuietHoursAndRemindersTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);
    private static readonly CaseId Id = CaseId.FromRandomBytes([9, 8, 7, 6, 5, 4]);

    private static DateTimeOffset Ist(int hour, int minute = 0, int day = 0) => IndiaTime.At(Day.AddDays(day), new TimeOnly(hour, minute));

    [Theory]
    [InlineData(9, 0)]
    [InlineData(12, 30)]
    [InlineData(20, 59)]
    public void Inside_the_window_a_reminder_goes_at_once(int hour, int minute) =>
        Assert.Equal(Ist(hour, minute), QuietHours.NextAllowedSendTime(Ist(hour, minute)));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(6, 15)]
    [InlineData(8, 59)]
    public void Before_nine_a_reminder_waits_for_nine_the_same_morning(int hour, int minute) =>
        Assert.Equal(Ist(9), QuietHours.NextAllowedSendTime(Ist(hour, minute)));

    [Theory]
    [InlineData(21, 0)]
    [InlineData(23, 59)]
    public void From_nine_in_the_evening_a_reminder_waits_for_the_next_morning(int hour, int minute) =>
        Assert.Equal(Ist(9, day: 1), QuietHours.NextAllowedSendTime(Ist(hour, minute)));

    [Fact]
    public void Quiet_hours_are_judged_in_ist_whatever_the_offset_given()
    {
        // 16:00 UTC is 21:30 IST.
        var utc = new DateTimeOffset(2025, 6, 10, 16, 0, 0, TimeSpan.Zero);

        Assert.False(QuietHours.IsAllowed(utc));
        Assert.Equal(Ist(9, day: 1), QuietHours.NextAllowedSendTime(utc));
    }

    [Fact]
    public void Medical_reminder_is_due_a_day_before_within_quiet_hours()
    {
        Assert.Equal(Ist(10), OutboundPolicy.MedicalReminderTime(Ist(10, day: 1)));
        Assert.Equal(Ist(9), OutboundPolicy.MedicalReminderTime(Ist(8, day: 1)));
    }

    [Fact]
    public void Only_reminders_wait_for_quiet_hours_and_respect_stop()
    {
        var night = Ist(23);
        Assert.Equal(Ist(9, day: 1), OutboundPolicy.SendTime(OutboundKind.Reminder, night));
        Assert.Equal(night, OutboundPolicy.SendTime(OutboundKind.ClearanceResult, night));
        Assert.Equal(night, OutboundPolicy.SendTime(OutboundKind.Reply, night));
        Assert.True(OutboundPolicy.IsBlockedByStop(OutboundKind.Reminder));
        Assert.False(OutboundPolicy.IsBlockedByStop(OutboundKind.ClearanceResult));
        Assert.False(OutboundPolicy.IsBlockedByStop(OutboundKind.Reply));
    }

    [Fact]
    public void Reminder_is_never_sent_twice_for_the_same_reason_and_occurrence()
    {
        var reminder = new Reminder(Id, ReminderReason.DocumentsSentBack, "round-1");
        var sent = new HashSet<string> { reminder.DeduplicationKey };

        Assert.False(OutboundPolicy.MaySend(reminder, applicantOptedOut: false, sent));
        Assert.True(OutboundPolicy.MaySend(reminder with { Occurrence = "round-2" }, applicantOptedOut: false, sent));
        Assert.Equal($"{Id.Value}|documentsSentBack|round-1", reminder.DeduplicationKey);
    }

    [Fact]
    public void Applicant_reminders_stop_after_stop_but_poe_escalations_do_not()
    {
        var none = new HashSet<string>();

        Assert.False(OutboundPolicy.MaySend(new Reminder(Id, ReminderReason.MedicalTomorrow, "2025-06-11"), applicantOptedOut: true, none));
        Assert.True(OutboundPolicy.MaySend(new Reminder(Id, ReminderReason.ClearanceOverdue, "ARN-1"), applicantOptedOut: true, none));
    }

    [Fact]
    public void Each_reminder_reason_has_a_recipient_and_a_template()
    {
        foreach (var reason in Enum.GetValues<ReminderReason>())
        {
            var reminder = new Reminder(Id, reason, "1");
            Assert.NotNull(SmsTemplates.Get(reminder.TemplateKey, Emigrate.Domain.Language.English));
            Assert.Equal(reason == ReminderReason.ClearanceOverdue ? ReminderRecipient.PoeOffice : ReminderRecipient.Applicant, reminder.Recipient);
        }
    }
}
