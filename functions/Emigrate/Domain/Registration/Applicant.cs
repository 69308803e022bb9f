using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Privacy;

namespace Emigrate.Domain.Registration;

/// <summary>A validated, eligible applicant: what registration stores (as camelCase JSON) for a case.</summary>
/// <remarks>
/// Holds no Aadhaar number, only its <see cref="AadhaarReference"/>. <see cref="ToString"/> masks personal data, so
/// logging an applicant by mistake leaks nothing useful.
/// </remarks>
/// <param name="Name">Full name as on the passport.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Gender">Gender.</param>
/// <param name="Occupation">Occupation, free text (it decides the nurse exemption).</param>
/// <param name="Mobile">Registered mobile: status SMS come from and go to it.</param>
/// <param name="PreferredLanguage">Language of SMS.</param>
/// <param name="Passport">Passport.</param>
/// <param name="Aadhaar">Aadhaar reference, when an Aadhaar number was given.</param>
/// <param name="Address">Address in India.</param>
/// <param name="DestinationCountry">Destination, an ECR country.</param>
/// <param name="Recruitment">Recruitment route.</param>
/// <param name="Job">The job abroad.</param>
/// <param name="PoeOffice">The PoE office of the applicant's jurisdiction, fixed at registration.</param>
public sealed record Applicant(
    string Name,
    DateOnly DateOfBirth,
    Gender Gender,
    string Occupation,
    MobileNumber Mobile,
    Language PreferredLanguage,
    PassportDetails Passport,
    AadhaarReference? Aadhaar,
    Address Address,
    CountryCode DestinationCountry,
    Recruitment Recruitment,
    JobOffer Job,
    string PoeOffice)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"Applicant {{ Name = {LogMask.Name(Name)}, Mobile = {Mobile}, Passport = {Passport.Number}, Destination = {DestinationCountry}, PoeOffice = {PoeOffice} }}";
}
