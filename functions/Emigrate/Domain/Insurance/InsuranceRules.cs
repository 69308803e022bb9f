using System.Text.RegularExpressions;
using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;

namespace Emigrate.Domain.Insurance;

/// <summary>Checks an issued policy against the applicant it is for.</summary>
public static partial class InsuranceRules
{
    /// <summary>
    /// The problems with <paramref name="policy"/>, keyed by field of the insurer's request (empty when it is
    /// acceptable): the number must look like one, the period must cover the contract (from the intended departure
    /// for the contract years), the premium must be the PBBY premium for the term, and the insured must be
    /// 18–60 when cover starts.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(InsurancePolicy policy, Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(applicant);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!PolicyNumber().IsMatch(policy.PolicyNumber))
        {
            problems["policyNumber"] = "Must be 3–40 letters, digits or / _ . -.";
        }

        if (policy.EndsOn <= policy.StartsOn)
        {
            problems["endsOn"] = "Must be after the start of cover.";
        }
        else if (policy.StartsOn > applicant.Job.IntendedDeparture)
        {
            problems["startsOn"] = $"Cover must start by the intended departure ({applicant.Job.IntendedDeparture:yyyy-MM-dd}).";
        }
        else if (policy.EndsOn < applicant.Job.ContractEnd)
        {
            problems["endsOn"] = $"Cover must last to the end of the contract ({applicant.Job.ContractEnd:yyyy-MM-dd}).";
        }

        var premium = Pbby.PremiumRupees(applicant.Job.ContractYears);
        if (policy.PremiumRupees != premium)
        {
            problems["premiumRupees"] = $"The PBBY premium for {applicant.Job.ContractYears} years is ₹{premium}.";
        }

        var age = Age.On(applicant.DateOfBirth, policy.StartsOn);
        if (age is < Pbby.MinimumAge or > Pbby.MaximumAge)
        {
            problems["startsOn"] = $"The insured must be {Pbby.MinimumAge}–{Pbby.MaximumAge} when cover starts (would be {age}).";
        }

        return problems;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9/_.\-]{2,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyNumber();
}
