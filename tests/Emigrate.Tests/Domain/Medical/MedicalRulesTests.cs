using Emigrate.Domain.Cases;
using Emigrate.Domain.Medical;

namespace Emigrate.Tests.Domain.Medical;

public sealed class MedicalRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void Fit_certificate_is_valid_for_ninety_days_from_the_examination()
    {
        Assert.True(MedicalCertificate.TryCreate("GMC/2025/00042", Today, Today, out var certificate));

        Assert.Equal(Today.AddDays(90), certificate.ExpiresOn);
        Assert.True(certificate.IsValidOn(Today));
        Assert.True(certificate.IsValidOn(Today.AddDays(89)));
        Assert.False(certificate.IsValidOn(Today.AddDays(90)));
        Assert.False(certificate.IsValidOn(Today.AddDays(-1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("has space")]
    public void Certificate_needs_a_plausible_reference(string? reference) =>
        Assert.False(MedicalCertificate.TryCreate(reference, Today, Today, out _));

    [Fact]
    public void Certificate_cannot_be_dated_in_the_future() =>
        Assert.False(MedicalCertificate.TryCreate("GMC-1", Today.AddDays(1), Today, out _));

    [Theory]
    [InlineData(MedicalResult.Fit, 0, CaseStage.MedicalFit)]
    [InlineData(MedicalResult.Unfit, 0, CaseStage.MedicalUnfit)]
    [InlineData(MedicalResult.NoShow, 1, CaseStage.DocumentsVerified)]
    [InlineData(MedicalResult.NoShow, 2, CaseStage.DocumentsVerified)]
    [InlineData(MedicalResult.NoShow, 3, CaseStage.Expired)]
    public void No_show_allows_two_rebookings_then_the_case_expires(MedicalResult result, int noShows, CaseStage stage) =>
        Assert.Equal(stage, MedicalRules.StageAfter(result, noShows));

    [Fact]
    public void Every_medical_outcome_is_a_move_the_process_allows()
    {
        foreach (var result in Enum.GetValues<MedicalResult>())
        {
            foreach (var noShows in new[] { 1, 3 })
            {
                Assert.True(CaseTransitions.CanMove(CaseStage.MedicalBooked, MedicalRules.StageAfter(result, noShows)));
            }
        }
    }

    [Theory]
    [InlineData(0, 40, true)]
    [InlineData(39, 40, true)]
    [InlineData(40, 40, false)]
    [InlineData(41, 40, false)]
    public void Centre_is_never_booked_beyond_its_daily_capacity(int booked, int capacity, bool room) =>
        Assert.Equal(room, MedicalRules.HasRoom(booked, capacity));

    [Fact]
    public void Appointment_must_be_in_the_future_and_before_the_clearance_deadline()
    {
        Assert.Equal("The appointment must be on a future day.", MedicalRules.CheckBookingDate(Today, Today, null));
        Assert.Null(MedicalRules.CheckBookingDate(Today.AddDays(1), Today, null));
        Assert.Equal(
            "The appointment must be before the clearance deadline (2025-06-10).",
            MedicalRules.CheckBookingDate(new DateOnly(2025, 6, 10), Today, new DateOnly(2025, 6, 10)));
    }
}
