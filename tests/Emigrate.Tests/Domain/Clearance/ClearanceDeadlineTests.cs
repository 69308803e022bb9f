using Emigrate.Domain.Clearance;
using Emigrate.Domain.Time;

namespace Emigrate.Tests.Domain.Clearance;

public sealed class ClearanceDeadlineTests
{
    private static readonly DateOnly Visa = new(2025, 9, 30);
    private static readonly DateOnly Passport = new(2030, 1, 14);

    [Fact]
    public void Visa_expiry_sets_the_deadline_when_it_comes_first() =>
        Assert.Equal(new ClearanceDeadline(Visa, DeadlineCause.VisaExpiry), ClearanceDeadline.Compute(Visa, Passport, new DateOnly(2025, 10, 15)));

    [Fact]
    public void Passport_sets_the_deadline_six_months_before_it_expires() =>
        Assert.Equal(
            new ClearanceDeadline(new DateOnly(2025, 9, 1), DeadlineCause.PassportValidity),
            ClearanceDeadline.Compute(Visa, new DateOnly(2026, 3, 1), null));

    [Fact]
    public void An_earlier_medical_expiry_sets_the_deadline_so_the_medical_is_redone() =>
        Assert.Equal(
            new ClearanceDeadline(new DateOnly(2025, 8, 20), DeadlineCause.MedicalExpiry),
            ClearanceDeadline.Compute(Visa, Passport, new DateOnly(2025, 8, 20)));

    [Fact]
    public void On_a_tie_the_medical_is_reported_because_it_can_be_redone() =>
        Assert.Equal(DeadlineCause.MedicalExpiry, ClearanceDeadline.Compute(Visa, Passport, Visa).Cause);

    [Fact]
    public void Deadline_is_missed_from_its_date_on()
    {
        var deadline = new ClearanceDeadline(Visa, DeadlineCause.VisaExpiry);

        Assert.False(deadline.IsMissed(Visa.AddDays(-1)));
        Assert.True(deadline.IsMissed(Visa));
    }

    [Fact]
    public void Documents_are_due_thirty_days_after_registration_by_default()
    {
        var registered = new DateTimeOffset(2025, 6, 1, 10, 0, 0, IndiaTime.Offset);

        Assert.Equal(registered.AddDays(30), CaseDeadlines.DocumentsDue(registered, new DeadlineOptions()));
        Assert.Equal(registered.AddDays(45), CaseDeadlines.DocumentsDue(registered, new DeadlineOptions { DocumentsDays = 45 }));
    }

    [Fact]
    public void Submission_is_escalated_after_one_working_day()
    {
        var fridayNoon = new DateTimeOffset(2025, 6, 6, 12, 0, 0, IndiaTime.Offset);

        var due = CaseDeadlines.EscalationDue(fridayNoon, new DeadlineOptions(), WorkingCalendar.WeekendsOnly);

        Assert.Equal(new DateTimeOffset(2025, 6, 9, 12, 0, 0, IndiaTime.Offset), due);
    }
}
