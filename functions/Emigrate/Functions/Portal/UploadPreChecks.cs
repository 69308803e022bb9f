using System.Globalization;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Registration;
using Microsoft.AspNetCore.Http;

namespace Emigrate.Functions.Portal;

/// <summary>The outcome of an upload's automatic pre-checks.</summary>
/// <param name="Problem">400 (expiry date missing or malformed) or 422 (a check failed); null when the upload may go on.</param>
/// <param name="ExpiryDate">The visa's expiry date given with the upload.</param>
public readonly record struct UploadPreCheck(IResult? Problem, DateOnly? ExpiryDate);

/// <summary>
/// DOMAIN.md's automatic pre-checks, run before a byte of the file is read: the passport valid at least 6 months
/// past the intended departure (by the expiry given at registration), the visa not expired (by the
/// <c>?expiryDate=yyyy-MM-dd</c> the operator types from the visa, required for a visa upload).
/// </summary>
/// <remarks>
/// A failed check refuses the upload with 422 and the reason, and stores nothing (product decision): the operator
/// learns it at the counter while the applicant is there, instead of days later from a send-back that costs one of
/// the three rounds and a verifier's time. The case's GET shows each check's current result.
/// </remarks>
public static class UploadPreChecks
{
    /// <summary>The query parameter of the visa's expiry date.</summary>
    public const string ExpiryDateParameter = "expiryDate";

    /// <summary>Runs the checks that apply to <paramref name="type"/>.</summary>
    public static UploadPreCheck Check(DocumentType type, IQueryCollection query, Applicant applicant, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(applicant);
        string? text = query[ExpiryDateParameter];
        if (type != DocumentType.Visa)
        {
            if (text is not null)
            {
                return new(Portal.Invalid(ExpiryDateParameter, "An expiry date is taken only with a visa."), null);
            }

            return type == DocumentType.Passport && DocumentPreChecks.Passport(applicant.Passport.ExpiryDate, applicant.Job.IntendedDeparture) is { } passportProblem
                ? new(Failed("passport.expiryDate", passportProblem), null)
                : new(null, null);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new(Portal.Invalid(ExpiryDateParameter, "A visa upload needs the visa's expiry date: ?expiryDate=yyyy-MM-dd."), null);
        }

        if (!Portal.TryDate(text, out DateOnly expiry))
        {
            return new(Portal.Invalid(ExpiryDateParameter, "Give the visa's expiry date as yyyy-MM-dd."), null);
        }

        return DocumentPreChecks.Visa(expiry, today, applicant.Job.IntendedDeparture) is { } visaProblem
            ? new(Failed(ExpiryDateParameter, visaProblem), expiry)
            : new(null, expiry);
    }

    private static IResult Failed(string field, string problem) => Results.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [problem] },
        detail: "An automatic pre-check failed; nothing was stored.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Automatic pre-check failed");
}
