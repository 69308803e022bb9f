using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Reference;
using Emigrate.Domain.Time;

namespace Emigrate.Domain.Registration;

/// <summary>
/// The eligibility rules of DOMAIN.md, one pure function each: <see langword="null"/> when the rule is met,
/// otherwise the message to show the CSC operator.
/// </summary>
/// <remarks>
/// Ages are counted on the intended departure date, because that is when the person emigrates and when the
/// PBBY policy starts; in addition the applicant must be an adult on the registration date, because the
/// applicant's own consent is recorded then (product decision).
/// </remarks>
public static class EligibilityRules
{
    /// <summary>Only ECR passports need emigration clearance.</summary>
    public static string? PassportCategoryRule(PassportCategory category) =>
        category == PassportCategory.Ecr ? null : "An ECNR passport does not need emigration clearance.";

    /// <summary>The destination must be an ECR country for which clearance is not suspended.</summary>
    public static string? DestinationRule(CountryCode destination, ReferenceData data, EligibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var country = data.FindEcrCountry(destination);
        if (country is null)
        {
            return $"{destination} is not an ECR country: no emigration clearance is needed to work there.";
        }

        var suspended = options.SuspendedDestinations is { } list
            ? list.Contains(destination.Value, StringComparer.OrdinalIgnoreCase)
            : data.IsSuspended(destination);
        return suspended ? $"Emigration clearance for {country.Name} is currently suspended by the Government of India." : null;
    }

    /// <summary>At least the minimum age on the registration date, and within the age range on the departure date.</summary>
    public static string? AgeRule(DateOnly dateOfBirth, DateOnly today, DateOnly intendedDeparture, EligibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (dateOfBirth >= today)
        {
            return "Must be in the past.";
        }

        if (Age.On(dateOfBirth, today) < options.MinimumAge)
        {
            return $"The applicant must be at least {options.MinimumAge} to register.";
        }

        var ageAtDeparture = Age.On(dateOfBirth, intendedDeparture);
        return ageAtDeparture > options.MaximumAge
            ? $"The applicant must be at most {options.MaximumAge} on the intended departure date (would be {ageAtDeparture})."
            : null;
    }

    /// <summary>A woman on an ECR passport must be at least 30 on the departure date, unless she is a nurse.</summary>
    public static string? WomanOnEcrPassportRule(
        Gender gender, PassportCategory category, string occupation, DateOnly dateOfBirth, DateOnly intendedDeparture, EligibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(occupation);
        ArgumentNullException.ThrowIfNull(options);
        if (gender != Gender.Female || category != PassportCategory.Ecr || Occupations.IsNurse(occupation))
        {
            return null;
        }

        return Age.On(dateOfBirth, intendedDeparture) < options.MinimumAgeForWomenOnEcrPassport
            ? $"A woman on an ECR passport must be at least {options.MinimumAgeForWomenOnEcrPassport} on the intended departure date, unless she is a nurse."
            : null;
    }

    /// <summary>The passport must be valid for some months past the intended departure.</summary>
    public static string? PassportValidityRule(DateOnly expiryDate, DateOnly today, DateOnly intendedDeparture, EligibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (expiryDate <= today)
        {
            return "The passport has expired.";
        }

        var months = options.PassportValidityMonthsAfterDeparture;
        return expiryDate < intendedDeparture.AddMonths(months)
            ? $"The passport must be valid at least {months} months after the intended departure ({intendedDeparture.AddMonths(months):yyyy-MM-dd})."
            : null;
    }

    /// <summary>The intended departure must be after today.</summary>
    public static string? IntendedDepartureRule(DateOnly intendedDeparture, DateOnly today) =>
        intendedDeparture > today ? null : "Must be after today.";
}
