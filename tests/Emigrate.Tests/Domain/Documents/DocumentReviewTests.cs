using System.Text.Json;
using Emigrate.Domain;
using Emigrate.Domain.Documents;

namespace Emigrate.Tests.Domain.Documents;

public sealed class DocumentReviewTests
{
    [Fact]
    public void Send_back_carries_its_trimmed_reason()
    {
        Assert.True(DocumentReview.TrySendBack("  Last page missing ", out var review));
        Assert.Equal(DocumentReviewState.SentBack, review.State);
        Assert.Equal("Last page missing", review.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\u0000")]
    public void Send_back_without_a_usable_reason_is_refused(string? reason) =>
        Assert.False(DocumentReview.TrySendBack(reason, out _));

    [Fact]
    public void Send_back_reason_is_limited_in_length()
    {
        Assert.True(DocumentReview.TrySendBack(new string('a', DocumentReview.MaxReasonLength), out _));
        Assert.False(DocumentReview.TrySendBack(new string('a', DocumentReview.MaxReasonLength + 1), out _));
    }

    [Fact]
    public void Pending_and_approved_have_no_reason()
    {
        Assert.Equal(DocumentReviewState.PendingReview, DocumentReview.Pending.State);
        Assert.Null(DocumentReview.Pending.Reason);
        Assert.Equal(DocumentReviewState.Approved, DocumentReview.Approved.State);
        Assert.Null(DocumentReview.Approved.Reason);
    }

    [Fact]
    public void Review_states_and_document_types_have_camel_case_wire_names()
    {
        Assert.Equal("\"pendingReview\"", JsonSerializer.Serialize(DocumentReviewState.PendingReview, EmigrateJson.Options));
        Assert.Equal("\"sentBack\"", JsonSerializer.Serialize(DocumentReviewState.SentBack, EmigrateJson.Options));
        Assert.Equal(
            ["passport", "visa", "employmentContract", "photograph", "demandLetter", "aadhaar"],
            Enum.GetValues<DocumentType>().Select(t => JsonSerializer.Serialize(t, EmigrateJson.Options).Trim('"')));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Three_send_back_rounds_are_allowed_before_a_supervisor_is_needed(int roundsSoFar, bool maySendBack)
    {
        Assert.Equal(maySendBack, SendBackPolicy.MaySendBack(roundsSoFar));
        Assert.Equal(!maySendBack, SendBackPolicy.NeedsSupervisor(roundsSoFar));
    }

    [Theory]
    [InlineData("2026-02-01", null)]
    [InlineData("2030-01-01", null)]
    [InlineData("2026-01-31", "The passport must be valid at least 6 months after the intended departure (2026-02-01).")]
    public void Passport_precheck_needs_six_months_past_departure(string expiry, string? problem) =>
        Assert.Equal(problem, DocumentPreChecks.Passport(DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 8, 1)));

    [Theory]
    [InlineData("2025-05-31", "The visa has expired.")]
    [InlineData("2025-07-31", "The visa expires before the intended departure (2025-08-01).")]
    [InlineData("2025-08-01", null)]
    [InlineData("2025-10-01", null)]
    public void Visa_precheck_needs_a_visa_valid_today_and_on_departure(string expiry, string? problem) =>
        Assert.Equal(problem, DocumentPreChecks.Visa(DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 1)));
}
