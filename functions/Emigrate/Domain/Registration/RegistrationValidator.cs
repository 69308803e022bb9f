using System.Text.Json;
using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Reference;

namespace Emigrate.Domain.Registration;

/// <summary>
/// Turns a registration request body into an eligible <see cref="Applicant"/>, or into field errors: malformed
/// JSON, wrong types, missing or unknown fields and failed eligibility rules all become messages keyed by JSON
/// path; nothing throws.
/// </summary>
/// <remarks>
/// Every field is read even after an error, and every eligibility rule whose inputs were readable is checked,
/// so the CSC operator sees all problems of a form at once.
/// </remarks>
public sealed partial class RegistrationValidator
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    private readonly ReferenceData data;
    private readonly AadhaarHasher aadhaarHasher;
    private readonly EligibilityOptions options;

    /// <summary>Creates a validator over the reference data, the Aadhaar hashing key and the eligibility settings.</summary>
    public RegistrationValidator(ReferenceData data, AadhaarHasher aadhaarHasher, EligibilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(aadhaarHasher);
        this.data = data;
        this.aadhaarHasher = aadhaarHasher;
        this.options = options ?? new EligibilityOptions();
    }

    /// <summary>Validates a UTF-8 JSON body, judging dates against <paramref name="today"/> (the IST date).</summary>
    public RegistrationResult Validate(ReadOnlyMemory<byte> utf8Json, DateOnly today)
    {
        var errors = new FieldErrors();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The parser's own message can quote the offending text; the position is enough.
            errors.Add("$", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            return RegistrationResult.Invalid(errors);
        }

        using (document)
        {
            var root = JsonObjectReader.Open(document.RootElement, string.Empty, errors);
            var applicant = root is null ? null : Read(root, today, errors);
            return applicant is not null && !errors.Any ? RegistrationResult.Valid(applicant) : RegistrationResult.Invalid(errors);
        }
    }

    /// <summary>Validates a JSON body given as a string.</summary>
    public RegistrationResult Validate(string json, DateOnly today) =>
        Validate(System.Text.Encoding.UTF8.GetBytes(json ?? string.Empty), today);

    private Applicant? Read(JsonObjectReader root, DateOnly today, FieldErrors errors)
    {
        var name = ReadName(root);
        var dateOfBirth = root.Date("dateOfBirth");
        var gender = root.Choice("gender", Choices.Genders);
        var occupation = root.String("occupation", maxLength: 100);
        var mobile = root.Parse<MobileNumber>("mobile", 20, MobileNumber.TryParse, "Must be an Indian mobile number (10 digits starting 6–9).");
        var language = root.Choice("preferredLanguage", Choices.Languages);
        var passport = ReadPassport(root, today);
        var aadhaar = root.Parse<AadhaarNumber>("aadhaar", 20, AadhaarNumber.TryParse, "Must be a valid 12-digit Aadhaar number.", required: false);
        var (address, poeOffice) = ReadAddress(root);
        var destination = root.Parse<CountryCode>("destinationCountry", 10, CountryCode.TryParse, "Must be an ISO 3166-1 alpha-2 country code, e.g. AE.");
        var recruitment = ReadRecruitment(root);
        var job = ReadJob(root);
        root.RejectUnknownFields();

        CheckEligibility(root, today, dateOfBirth, gender, occupation, passport, destination, job);

        if (errors.Any)
        {
            return null;
        }

        return new Applicant(
            name!, dateOfBirth!.Value, gender!.Value, occupation!, mobile!, language!.Value, passport!,
            aadhaar is null ? null : aadhaarHasher.Protect(aadhaar), address!, destination!, recruitment!, job!, poeOffice!);
    }

    private void CheckEligibility(
        JsonObjectReader root, DateOnly today, DateOnly? dateOfBirth, Gender? gender, string? occupation,
        PassportDetails? passport, CountryCode? destination, JobOffer? job)
    {
        void Check(string path, string? message)
        {
            if (message is not null)
            {
                root.Error(path, message);
            }
        }

        var departure = job?.IntendedDeparture;
        if (passport is not null)
        {
            Check("passport.category", EligibilityRules.PassportCategoryRule(passport.Category));
        }

        if (destination is not null)
        {
            Check("destinationCountry", EligibilityRules.DestinationRule(destination, data, options));
        }

        if (departure is { } d)
        {
            Check("job.intendedDeparture", EligibilityRules.IntendedDepartureRule(d, today));
        }

        if (dateOfBirth is { } birth)
        {
            // Without a departure date, today still bounds the age from below.
            Check("dateOfBirth", EligibilityRules.AgeRule(birth, today, departure ?? today, options));
            if (gender is { } g && passport is not null && occupation is not null && departure is { } when)
            {
                Check("dateOfBirth", EligibilityRules.WomanOnEcrPassportRule(g, passport.Category, occupation, birth, when, options));
            }
        }

        if (passport is not null && departure is { } leaving)
        {
            Check("passport.expiryDate", EligibilityRules.PassportValidityRule(passport.ExpiryDate, today, leaving, options));
        }
    }
}
