using System.Text.RegularExpressions;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Domain.Registration;

/// <summary>Reading the nested sections of the registration body.</summary>
public sealed partial class RegistrationValidator
{
    private static string? ReadName(JsonObjectReader root)
    {
        var name = root.String("name", maxLength: 100);
        if (name is null)
        {
            return null;
        }

        if (!PersonName().IsMatch(name))
        {
            root.Error("name", "Must be letters, spaces, dots, apostrophes or hyphens.");
            return null;
        }

        return MultipleSpaces().Replace(name, " ");
    }

    private static PassportDetails? ReadPassport(JsonObjectReader root, DateOnly today)
    {
        var passport = root.Object("passport");
        if (passport is null)
        {
            return null;
        }

        var number = passport.Parse<PassportNumber>("number", 20, PassportNumber.TryParse, "Must be a letter followed by seven digits, e.g. K1234567.");
        var issued = passport.Date("issueDate");
        var expires = passport.Date("expiryDate");
        var category = passport.Choice("category", Choices.PassportCategories);
        passport.RejectUnknownFields();

        if (issued > today)
        {
            passport.Error("issueDate", "Must not be in the future.");
            return null;
        }

        if (expires <= issued)
        {
            passport.Error("expiryDate", "Must be after the issue date.");
            return null;
        }

        return number is null || issued is null || expires is null || category is null
            ? null
            : new PassportDetails(number, issued.Value, expires.Value, category.Value);
    }

    private (Address? Address, string? PoeOffice) ReadAddress(JsonObjectReader root)
    {
        var address = root.Object("address");
        if (address is null)
        {
            return default;
        }

        var line1 = address.String("line1", maxLength: 200);
        var district = address.String("district", maxLength: 100);
        var stateText = address.String("state", maxLength: 100);
        var pinCode = address.Parse<PinCode>("pinCode", 10, PinCode.TryParse, "Must be a 6-digit PIN code not starting with 0.");
        address.RejectUnknownFields();

        var state = stateText is null ? null : data.FindState(stateText);
        if (stateText is not null && state is null)
        {
            address.Error("state", "Must be an Indian state or union territory, by name or code (e.g. Uttar Pradesh or UP).");
        }

        return line1 is null || district is null || state is null || pinCode is null
            ? default
            : (new Address(line1, district, state.Code, pinCode), state.PoeOfficeFor(district));
    }

    private static Recruitment? ReadRecruitment(JsonObjectReader root)
    {
        var recruitment = root.Object("recruitment");
        if (recruitment is null)
        {
            return null;
        }

        Recruitment? result = null;
        switch (recruitment.Choice("route", Choices.Routes))
        {
            case RecruitmentRoute.Agent:
                var certificate = recruitment.String("agentRegistrationNumber", maxLength: 60)?.ToUpperInvariant();
                if (certificate is not null && !AgentRegistrationNumber().IsMatch(certificate))
                {
                    recruitment.Error("agentRegistrationNumber", "Must be the recruiting agent's registration certificate number, e.g. B-0786/MUM/PER/1000+/5/9999/2019.");
                }
                else if (certificate is not null)
                {
                    result = new AgentRecruitment(certificate);
                }

                break;
            case RecruitmentRoute.Employer:
                var jobId = recruitment.String("jobId", maxLength: 40);
                if (jobId is not null && !JobId().IsMatch(jobId))
                {
                    recruitment.Error("jobId", "Must be the foreign employer's job id (letters, digits, / _ . -).");
                }
                else if (jobId is not null)
                {
                    result = new EmployerRecruitment(jobId);
                }

                break;
            default:
                // With no valid route it is unknowable which of these belongs: do not also call them unknown.
                recruitment.Allow("agentRegistrationNumber", "jobId");
                break;
        }

        recruitment.RejectUnknownFields();
        return result;
    }

    private static JobOffer? ReadJob(JsonObjectReader root)
    {
        var job = root.Object("job");
        if (job is null)
        {
            return null;
        }

        var employer = job.String("employer", maxLength: 200);
        var title = job.String("title", maxLength: 100);
        var salary = job.Decimal("monthlySalary");
        var currency = job.String("currency", maxLength: 3)?.ToUpperInvariant();
        var years = job.Integer("contractYears");
        var departure = job.Date("intendedDeparture");
        job.RejectUnknownFields();

        if (salary is <= 0 or > 10_000_000)
        {
            job.Error("monthlySalary", "Must be more than 0 and at most 1,00,00,000.");
            salary = null;
        }

        if (currency is not null && !CurrencyCode().IsMatch(currency))
        {
            job.Error("currency", "Must be an ISO 4217 currency code, e.g. AED.");
            currency = null;
        }

        if (years is not null and not (2 or 3))
        {
            job.Error("contractYears", "Must be 2 or 3 (the PBBY policy terms).");
            years = null;
        }

        return employer is null || title is null || salary is null || currency is null || years is null || departure is null
            ? null
            : new JobOffer(employer, title, salary.Value, currency, years.Value, departure.Value);
    }

    // Letters and combining marks of any script (Devanagari names need the marks), with the usual separators.
    [GeneratedRegex(@"^[\p{L}\p{M}]+(?:[ .'\-]+[\p{L}\p{M}]+)*\.?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9/+\- ]{3,59}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AgentRegistrationNumber();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9/_.\-]{2,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex JobId();

    [GeneratedRegex(@"^[A-Z]{3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();
}
