using Emigrate.Domain.Insurance;
using Emigrate.Domain.Registration;
using static Emigrate.Tests.Domain.Registration.RegistrationFixture;

namespace Emigrate.Tests.Domain.Insurance;

// The fixture applicant leaves on 2025-08-01 on a 2-year contract ending 2027-08-01, born 1995-04-12.
public sealed class InsuranceRulesTests
{
    private static readonly Applicant Applicant = Validate(ValidBody()).Applicant!;

    private static readonly InsurancePolicy Good = new("PBBY/2025/123456", "ins-sagar", new DateOnly(2025, 7, 20), new DateOnly(2027, 8, 1), 275m);

    [Theory]
    [InlineData(2, 275)]
    [InlineData(3, 375)]
    public void Pbby_premium_depends_on_the_term(int years, int rupees) => Assert.Equal(rupees, Pbby.PremiumRupees(years));

    [Fact]
    public void Pbby_covers_ten_lakh_rupees_for_ages_18_to_60()
    {
        Assert.Equal(1_000_000m, Pbby.CoverRupees);
        Assert.Equal(18, Pbby.MinimumAge);
        Assert.Equal(60, Pbby.MaximumAge);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pbby.PremiumRupees(1));
    }

    [Fact]
    public void Policy_covering_the_contract_with_the_right_premium_is_accepted() =>
        Assert.Empty(InsuranceRules.Check(Good, Applicant));

    [Fact]
    public void Policy_ending_before_the_contract_is_rejected() =>
        Assert.Equal(
            "Cover must last to the end of the contract (2027-08-01).",
            InsuranceRules.Check(Good with { EndsOn = new DateOnly(2027, 7, 31) }, Applicant)["endsOn"]);

    [Fact]
    public void Policy_starting_after_departure_is_rejected() =>
        Assert.Equal(
            "Cover must start by the intended departure (2025-08-01).",
            InsuranceRules.Check(Good with { StartsOn = new DateOnly(2025, 8, 2), EndsOn = new DateOnly(2027, 9, 1) }, Applicant)["startsOn"]);

    [Fact]
    public void Policy_with_the_wrong_premium_is_rejected() =>
        Assert.Equal("The PBBY premium for 2 years is ₹275.", InsuranceRules.Check(Good with { PremiumRupees = 375m }, Applicant)["premiumRupees"]);

    [Fact]
    public void Policy_period_must_not_be_backwards() =>
        Assert.Equal("Must be after the start of cover.", InsuranceRules.Check(Good with { EndsOn = Good.StartsOn }, Applicant)["endsOn"]);

    [Fact]
    public void Policy_number_must_look_like_one() =>
        Assert.Contains("policyNumber", InsuranceRules.Check(Good with { PolicyNumber = "?" }, Applicant).Keys);

    [Fact]
    public void Insured_must_be_at_most_60_when_cover_starts()
    {
        var older = Applicant with { DateOfBirth = new DateOnly(1964, 7, 1) };

        Assert.Equal("The insured must be 18–60 when cover starts (would be 61).", InsuranceRules.Check(Good, older)["startsOn"]);
    }

    [Fact]
    public void Three_year_contract_needs_three_years_of_cover_at_the_three_year_premium()
    {
        var threeYears = Applicant with { Job = Applicant.Job with { ContractYears = 3 } };

        var problems = InsuranceRules.Check(Good, threeYears);

        Assert.Equal("Cover must last to the end of the contract (2028-08-01).", problems["endsOn"]);
        Assert.Equal("The PBBY premium for 3 years is ₹375.", problems["premiumRupees"]);
        Assert.Empty(InsuranceRules.Check(Good with { EndsOn = new DateOnly(2028, 8, 1), PremiumRupees = 375m }, threeYears));
    }
}
