using System.Globalization;
using Emigrate.Data.Documents;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Registration;

namespace Emigrate.Functions.Portal;

/// <summary>The automatic pre-checks as the case's GET shows them, evaluated now (a visa that passed may lapse while the case waits).</summary>
public static class PreChecksView
{
    /// <summary>The passport check, and the visa check once a visa with its expiry date was uploaded.</summary>
    public static object Of(Applicant applicant, DocumentState? visa, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        string? passport = DocumentPreChecks.Passport(applicant.Passport.ExpiryDate, applicant.Job.IntendedDeparture);
        string? visaProblem = visa?.ExpiryDate is { } expiry ? DocumentPreChecks.Visa(expiry, today, applicant.Job.IntendedDeparture) : null;
        return new
        {
            passport = new
            {
                expiryDate = applicant.Passport.ExpiryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                passed = passport is null,
                problem = passport,
            },
            visa = visa?.ExpiryDate is { } visaExpiry
                ? new { expiryDate = visaExpiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), passed = visaProblem is null, problem = visaProblem }
                : null,
        };
    }
}
