using System.Diagnostics.CodeAnalysis;

namespace Emigrate.Domain.Registration;

/// <summary>Either a valid, eligible <see cref="Applicant"/> or the field errors that prevent one.</summary>
public sealed class RegistrationResult
{
    private RegistrationResult(Applicant? applicant, IDictionary<string, string[]> errors)
    {
        Applicant = applicant;
        Errors = errors;
    }

    /// <summary>The applicant, when <see cref="IsValid"/>.</summary>
    public Applicant? Applicant { get; }

    /// <summary>
    /// Messages keyed by JSON path (<c>passport.number</c>, <c>$</c> for the body as a whole), in the shape
    /// <c>ValidationProblemDetails</c> takes. Empty when valid.
    /// </summary>
    public IDictionary<string, string[]> Errors { get; }

    /// <summary>Whether registration may go ahead.</summary>
    [MemberNotNullWhen(true, nameof(Applicant))]
    public bool IsValid => Applicant is not null;

    internal static RegistrationResult Valid(Applicant applicant) => new(applicant, new Dictionary<string, string[]>());

    internal static RegistrationResult Invalid(FieldErrors errors) => new(null, errors.ToDictionary());
}
