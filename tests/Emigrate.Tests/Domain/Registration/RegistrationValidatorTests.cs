using System.Text.Json;
using System.Text.Json.Nodes;
using Emigrate.Domain;
using Emigrate.Domain.Registration;
using static Emigrate.Tests.Domain.Registration.RegistrationFixture;

namespace Emigrate.Tests.Domain.Registration;

public sealed class RegistrationValidatorTests
{
    [Fact]
    public void Valid_registration_gives_an_applicant_with_normalised_fields()
    {
        var result = Validate(ValidBody());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.Empty(result.Errors);
        var applicant = result.Applicant;
        Assert.Equal("Ramesh Kumar", applicant.Name);
        Assert.Equal(new DateOnly(1995, 4, 12), applicant.DateOfBirth);
        Assert.Equal(Gender.Male, applicant.Gender);
        Assert.Equal("9876543210", applicant.Mobile.Value);
        Assert.Equal(Language.Hindi, applicant.PreferredLanguage);
        Assert.Equal("K1234567", applicant.Passport.Number.Value);
        Assert.Equal(PassportCategory.Ecr, applicant.Passport.Category);
        Assert.Equal("0124", applicant.Aadhaar!.LastFour);
        Assert.Equal("UP", applicant.Address.State);
        Assert.Equal("273001", applicant.Address.PinCode.Value);
        Assert.Equal("AE", applicant.DestinationCountry.Value);
        Assert.Equal(new AgentRecruitment("B-0786/MUM/PER/1000+/5/9999/2019"), applicant.Recruitment);
        Assert.Equal(2, applicant.Job.ContractYears);
        Assert.Equal(new DateOnly(2027, 8, 1), applicant.Job.ContractEnd);
        Assert.Equal("poe-lucknow", applicant.PoeOffice);
    }

    [Fact]
    public void Applicant_is_stored_as_camel_case_json_that_reads_back_equal_and_holds_no_aadhaar_number()
    {
        var applicant = Validate(ValidBody()).Applicant!;

        var json = JsonSerializer.Serialize(applicant, EmigrateJson.Options);
        var back = JsonSerializer.Deserialize<Applicant>(json, EmigrateJson.Options);

        Assert.Contains("\"dateOfBirth\":\"1995-04-12\"", json, StringComparison.Ordinal);
        Assert.Contains("\"recruitment\":{\"route\":\"agent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"preferredLanguage\":\"hi\"", json, StringComparison.Ordinal);
        Assert.Contains("\"category\":\"ECR\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(AadhaarNumber, json, StringComparison.Ordinal);
        Assert.Equal(applicant, back);
    }

    [Fact]
    public void Applicant_without_aadhaar_reads_back_equal()
    {
        var applicant = Validate(ValidBody().Without("aadhaar")).Applicant!;

        var back = JsonSerializer.Deserialize<Applicant>(JsonSerializer.Serialize(applicant, EmigrateJson.Options), EmigrateJson.Options);

        Assert.Equal(applicant, back);
        Assert.Null(back!.Aadhaar);
    }

    [Fact]
    public void Applicant_prints_without_personal_data()
    {
        var text = Validate(ValidBody()).Applicant!.ToString();

        Assert.DoesNotContain("Ramesh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", text, StringComparison.Ordinal);
        Assert.DoesNotContain("K1234567", text, StringComparison.Ordinal);
        Assert.Contains("98XXXXXX10", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"name\": }")]
    [InlineData("{\"name\": \"A\",}")]
    [InlineData("{\"name\": \"A\" /* comment */}")]
    [InlineData("not json")]
    [InlineData("{\"name\": [[[[[[[[[[[[\"deep\"]]]]]]]]]]]]}")]
    public void Malformed_json_is_a_body_error_not_an_exception(string body)
    {
        var result = Validate(body);

        Assert.False(result.IsValid);
        Assert.Equal(["$"], result.Errors.Keys);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"registration\"")]
    [InlineData("42")]
    public void Body_that_is_not_an_object_is_a_body_error(string body)
    {
        var result = Validate(body);

        Assert.Equal(["Must be an object."], result.Errors["$"]);
    }

    [Fact]
    public void Every_missing_required_field_is_reported_by_its_name()
    {
        var result = Validate("{}");

        string[] required = ["name", "dateOfBirth", "gender", "occupation", "mobile", "preferredLanguage", "passport", "address", "destinationCountry", "recruitment", "job"];
        Assert.Equal(required.Order(), result.Errors.Keys.Order());
        Assert.All(result.Errors.Values, messages => Assert.Equal(["Required."], messages));
    }

    [Fact]
    public void Missing_nested_fields_are_reported_with_dotted_paths()
    {
        var body = ValidBody().With("passport", new JsonObject()).With("address", new JsonObject()).With("job", new JsonObject()).With("recruitment", new JsonObject());

        var result = Validate(body);

        string[] expected =
        [
            "passport.number", "passport.issueDate", "passport.expiryDate", "passport.category",
            "address.line1", "address.district", "address.state", "address.pinCode",
            "job.employer", "job.title", "job.monthlySalary", "job.currency", "job.contractYears", "job.intendedDeparture",
            "recruitment.route",
        ];
        Assert.Equal(expected.Order(), result.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("name", "5", "Must be a string.")]
    [InlineData("name", "\"  \"", "Required.")]
    [InlineData("name", "null", "Required.")]
    [InlineData("mobile", "9876543210", "Must be a string.")]
    [InlineData("passport", "\"K1234567\"", "Must be an object.")]
    [InlineData("passport.number", "true", "Must be a string.")]
    [InlineData("job.monthlySalary", "\"1800\"", "Must be a number.")]
    [InlineData("job.contractYears", "2.5", "Must be a whole number.")]
    [InlineData("job.contractYears", "\"2\"", "Must be a whole number.")]
    [InlineData("dateOfBirth", "19950412", "Must be a string.")]
    public void Wrong_types_are_field_errors(string path, string json, string message)
    {
        var result = Validate(ValidBody().With(path, JsonNode.Parse(json)));

        Assert.Equal([message], result.Errors[path]);
    }

    [Theory]
    [InlineData("nickname")]
    [InlineData("passport.colour")]
    [InlineData("address.line2")]
    [InlineData("job.bonus")]
    [InlineData("recruitment.jobId")]
    public void Unknown_fields_are_rejected_at_every_level(string path)
    {
        var result = Validate(ValidBody().With(path, "x"));

        Assert.Equal(["Unknown field."], result.Errors[path]);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Field_names_are_case_sensitive()
    {
        var body = ValidBody();
        body.Remove("name");
        body["Name"] = "Ramesh Kumar";

        var result = Validate(body);

        Assert.Equal(["Unknown field."], result.Errors["Name"]);
        Assert.Equal(["Required."], result.Errors["name"]);
    }

    [Fact]
    public void A_field_given_twice_is_rejected()
    {
        var json = ValidBody().ToJsonString().Replace("\"name\":\"Ramesh Kumar\"", "\"name\":\"Ramesh Kumar\",\"name\":\"Someone Else\"", StringComparison.Ordinal);

        var result = Validate(json);

        Assert.Equal(["Appears more than once."], result.Errors["name"]);
    }

    [Theory]
    [InlineData("passport.number", "K12345", "Must be a letter followed by seven digits, e.g. K1234567.")]
    [InlineData("mobile", "12345", "Must be an Indian mobile number (10 digits starting 6–9).")]
    [InlineData("address.pinCode", "012345", "Must be a 6-digit PIN code not starting with 0.")]
    [InlineData("destinationCountry", "UAE", "Must be an ISO 3166-1 alpha-2 country code, e.g. AE.")]
    [InlineData("gender", "Male", "Must be one of: male, female, other.")]
    [InlineData("preferredLanguage", "ta", "Must be one of: en, hi.")]
    [InlineData("passport.category", "ecr", "Must be one of: ECR, ECNR.")]
    [InlineData("dateOfBirth", "12-04-1995", "Must be a date written yyyy-mm-dd.")]
    [InlineData("dateOfBirth", "1995-02-30", "Must be a date written yyyy-mm-dd.")]
    [InlineData("name", "R4mesh", "Must be letters, spaces, dots, apostrophes or hyphens.")]
    [InlineData("occupation", "Mason\u0007", "Must not contain control characters.")]
    [InlineData("job.currency", "dirham", "Must be at most 3 characters.")]
    [InlineData("job.currency", "A1D", "Must be an ISO 4217 currency code, e.g. AED.")]
    [InlineData("recruitment.agentRegistrationNumber", "!!", "Must be the recruiting agent's registration certificate number, e.g. B-0786/MUM/PER/1000+/5/9999/2019.")]
    public void Invalid_values_are_reported_on_their_field(string path, string value, string message)
    {
        var result = Validate(ValidBody().With(path, value));

        Assert.False(result.IsValid);
        Assert.Equal([message], result.Errors[path]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(20_000_000)]
    public void Salary_must_be_positive_and_plausible(int salary) =>
        Assert.Contains("job.monthlySalary", Validate(ValidBody().With("job.monthlySalary", salary)).Errors.Keys);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Contract_must_be_two_or_three_years(int years) =>
        Assert.Equal(["Must be 2 or 3 (the PBBY policy terms)."], Validate(ValidBody().With("job.contractYears", years)).Errors["job.contractYears"]);

    [Theory]
    [InlineData("रमेश कुमार")]
    [InlineData("D'Souza Anthony")]
    [InlineData("K. Ramachandran")]
    [InlineData("Mary-Ann  Joseph")]
    public void Names_in_any_script_with_usual_punctuation_are_accepted(string name) =>
        Assert.True(Validate(ValidBody().With("name", name)).IsValid);

    [Fact]
    public void Internal_runs_of_spaces_in_a_name_are_collapsed() =>
        Assert.Equal("Mary-Ann Joseph", Validate(ValidBody().With("name", "  Mary-Ann   Joseph ")).Applicant!.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Aadhaar_is_optional(string? aadhaar)
    {
        var result = Validate(ValidBody().With("aadhaar", aadhaar));

        Assert.True(result.IsValid);
        Assert.Null(result.Applicant.Aadhaar);
        Assert.True(Validate(ValidBody().Without("aadhaar")).IsValid);
    }

    [Fact]
    public void Invalid_aadhaar_is_reported_without_echoing_the_number()
    {
        var result = Validate(ValidBody().With("aadhaar", "234567890123"));

        var message = Assert.Single(result.Errors["aadhaar"]);
        Assert.DoesNotContain("2345", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Employer_route_needs_a_job_id_and_no_agent_number()
    {
        var employer = new JsonObject { ["route"] = "employer", ["jobId"] = "JOB-2025/0042" };
        Assert.Equal(new EmployerRecruitment("JOB-2025/0042"), Validate(ValidBody().With("recruitment", employer)).Applicant!.Recruitment);

        var mixed = new JsonObject { ["route"] = "employer", ["jobId"] = "JOB-1", ["agentRegistrationNumber"] = "B-1/X/2019" };
        Assert.Equal(["Unknown field."], Validate(ValidBody().With("recruitment", mixed)).Errors["recruitment.agentRegistrationNumber"]);

        var missing = new JsonObject { ["route"] = "employer" };
        Assert.Equal(["Required."], Validate(ValidBody().With("recruitment", missing)).Errors["recruitment.jobId"]);
    }

    [Fact]
    public void Unknown_route_is_reported_once_without_unknown_field_noise()
    {
        var recruitment = new JsonObject { ["route"] = "friend", ["jobId"] = "JOB-1" };

        var result = Validate(ValidBody().With("recruitment", recruitment));

        Assert.Equal(["Must be one of: agent, employer."], result.Errors["recruitment.route"]);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void All_problems_of_a_form_are_reported_together()
    {
        var body = ValidBody()
            .With("mobile", "12")
            .With("passport.number", "bad")
            .With("destinationCountry", "LY")
            .With("job.bonus", 100)
            .With("address.state", "Atlantis");

        var result = Validate(body);

        Assert.Equal(
            new[] { "address.state", "destinationCountry", "job.bonus", "mobile", "passport.number" },
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Passport_issued_in_the_future_or_expiring_before_issue_is_rejected()
    {
        Assert.Equal(["Must not be in the future."], Validate(ValidBody().With("passport.issueDate", "2025-06-02")).Errors["passport.issueDate"]);
        Assert.Equal(["Must be after the issue date."], Validate(ValidBody().With("passport.expiryDate", "2019-01-01")).Errors["passport.expiryDate"]);
    }
}
