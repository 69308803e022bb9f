using System.Text.Json.Nodes;
using Emigrate.Domain.Registration;
using static Emigrate.Tests.Domain.Registration.RegistrationFixture;

namespace Emigrate.Tests.Domain.Registration;

// Today is 2025-06-01 and the intended departure 2025-08-01 unless a test says otherwise.
public sealed class EligibilityTests
{
    [Fact]
    public void Ecnr_passport_does_not_need_clearance() =>
        Assert.Equal(
            ["An ECNR passport does not need emigration clearance."],
            Validate(ValidBody().With("passport.category", "ECNR")).Errors["passport.category"]);

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    public void Destination_outside_the_ecr_countries_is_rejected(string country)
    {
        var message = Assert.Single(Validate(ValidBody().With("destinationCountry", country)).Errors["destinationCountry"]);
        Assert.Equal($"{country} is not an ECR country: no emigration clearance is needed to work there.", message);
    }

    [Theory]
    [InlineData("LY", "Libya")]
    [InlineData("ye", "Yemen")]
    public void Suspended_destination_is_rejected_with_a_clear_message(string country, string name) =>
        Assert.Equal(
            [$"Emigration clearance for {name} is currently suspended by the Government of India."],
            Validate(ValidBody().With("destinationCountry", country)).Errors["destinationCountry"]);

    [Fact]
    public void Suspended_destinations_are_configurable()
    {
        var lifted = new EligibilityOptions { SuspendedDestinations = [] };
        Assert.True(Validate(ValidBody().With("destinationCountry", "LY"), lifted).IsValid);

        var added = new EligibilityOptions { SuspendedDestinations = ["AE"] };
        Assert.Contains("destinationCountry", Validate(ValidBody(), added).Errors.Keys);
    }

    [Theory]
    [InlineData("SA")]
    [InlineData("QA")]
    [InlineData("MY")]
    [InlineData("ss")]
    public void Other_ecr_destinations_are_accepted(string country) =>
        Assert.True(Validate(ValidBody().With("destinationCountry", country)).IsValid);

    [Fact]
    public void Applicant_under_18_on_the_registration_date_cannot_register_even_if_18_by_departure()
    {
        // 18 on 2025-07-01: before the departure, after "today".
        var result = Validate(ValidBody().With("dateOfBirth", "2007-07-01"));

        Assert.Equal(["The applicant must be at least 18 to register."], result.Errors["dateOfBirth"]);
    }

    [Fact]
    public void Applicant_who_turns_18_today_may_register() =>
        Assert.True(Validate(ValidBody().With("dateOfBirth", "2007-06-01")).IsValid);

    [Fact]
    public void Applicant_who_turns_61_before_departure_is_too_old()
    {
        var result = Validate(ValidBody().With("dateOfBirth", "1964-07-15"));

        Assert.Equal(["The applicant must be at most 60 on the intended departure date (would be 61)."], result.Errors["dateOfBirth"]);
    }

    [Fact]
    public void Applicant_aged_60_on_the_departure_date_is_eligible() =>
        Assert.True(Validate(ValidBody().With("dateOfBirth", "1964-08-02")).IsValid);

    [Fact]
    public void Date_of_birth_in_the_future_is_rejected() =>
        Assert.Equal(["Must be in the past."], Validate(ValidBody().With("dateOfBirth", "2030-01-01")).Errors["dateOfBirth"]);

    [Theory]
    [InlineData("Housemaid", false)]
    [InlineData("Nurse", true)]
    [InlineData("Staff nurse", true)]
    [InlineData("नर्स", true)]
    [InlineData("Nursery helper", false)]
    public void Woman_under_30_on_ECR_passport_is_ineligible_unless_a_nurse(string occupation, bool eligible)
    {
        var body = ValidBody().With("gender", "female").With("occupation", occupation).With("dateOfBirth", "1998-01-01");

        var result = Validate(body);

        Assert.Equal(eligible, result.IsValid);
        if (!eligible)
        {
            Assert.Equal(
                ["A woman on an ECR passport must be at least 30 on the intended departure date, unless she is a nurse."],
                result.Errors["dateOfBirth"]);
        }
    }

    [Fact]
    public void Woman_who_is_29_today_but_30_by_departure_is_eligible() =>
        Assert.True(Validate(ValidBody().With("gender", "female").With("dateOfBirth", "1995-07-15")).IsValid);

    [Fact]
    public void Minimum_age_for_women_does_not_apply_to_men_or_other_genders()
    {
        Assert.True(Validate(ValidBody().With("gender", "male").With("dateOfBirth", "2000-01-01")).IsValid);
        Assert.True(Validate(ValidBody().With("gender", "other").With("dateOfBirth", "2000-01-01")).IsValid);
    }

    [Fact]
    public void Passport_must_be_valid_six_months_past_the_intended_departure()
    {
        Assert.Equal(
            ["The passport must be valid at least 6 months after the intended departure (2026-02-01)."],
            Validate(ValidBody().With("passport.expiryDate", "2026-01-31")).Errors["passport.expiryDate"]);
        Assert.True(Validate(ValidBody().With("passport.expiryDate", "2026-02-01")).IsValid);
    }

    [Fact]
    public void Expired_passport_is_reported_as_expired() =>
        Assert.Equal(["The passport has expired."], Validate(ValidBody().With("passport.expiryDate", "2025-05-31")).Errors["passport.expiryDate"]);

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("2025-01-01")]
    public void Intended_departure_must_be_in_the_future(string departure) =>
        Assert.Equal(["Must be after today."], Validate(ValidBody().With("job.intendedDeparture", departure)).Errors["job.intendedDeparture"]);

    [Fact]
    public void State_that_is_not_indian_is_rejected() =>
        Assert.Equal(
            ["Must be an Indian state or union territory, by name or code (e.g. Uttar Pradesh or UP)."],
            Validate(ValidBody().With("address.state", "Dubai")).Errors["address.state"]);

    [Theory]
    [InlineData("UP", "Gorakhpur", "UP", "poe-lucknow")]
    [InlineData("bihar", "Siwan", "BR", "poe-rae-bareli")]
    [InlineData("Kerala", "Kollam", "KL", "poe-thiruvananthapuram")]
    [InlineData("Kerala", "Malappuram", "KL", "poe-kochi")]
    [InlineData("Orissa", "Ganjam", "OD", "poe-kolkata")]
    public void State_is_resolved_and_decides_the_poe_office(string state, string district, string code, string office)
    {
        var applicant = Validate(ValidBody().With("address.state", state).With("address.district", district)).Applicant!;

        Assert.Equal(code, applicant.Address.State);
        Assert.Equal(office, applicant.PoeOffice);
    }

    [Fact]
    public void Eligibility_limits_are_configurable()
    {
        var options = new EligibilityOptions { MaximumAge = 45, PassportValidityMonthsAfterDeparture = 12 };
        var result = Validate(ValidBody().With("dateOfBirth", "1970-01-01").With("passport.expiryDate", "2026-05-01"), options);

        Assert.Contains("dateOfBirth", result.Errors.Keys);
        Assert.Contains("passport.expiryDate", result.Errors.Keys);
    }

    [Fact]
    public void Eligibility_is_checked_for_readable_fields_even_when_others_are_broken()
    {
        var body = ValidBody().With("destinationCountry", "YE").With("mobile", JsonValue.Create(5));

        var result = Validate(body);

        Assert.Contains("destinationCountry", result.Errors.Keys);
        Assert.Contains("mobile", result.Errors.Keys);
    }
}
