using Emigrate.Domain.Identifiers;

namespace Emigrate.Domain.Registration;

/// <summary>The applicant's passport as entered at registration.</summary>
/// <param name="Number">Passport number.</param>
/// <param name="IssueDate">Date of issue.</param>
/// <param name="ExpiryDate">Date of expiry.</param>
/// <param name="Category">ECR or ECNR.</param>
public sealed record PassportDetails(PassportNumber Number, DateOnly IssueDate, DateOnly ExpiryDate, PassportCategory Category);
