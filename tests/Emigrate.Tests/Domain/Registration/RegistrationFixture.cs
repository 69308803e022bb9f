using System.Text;
using System.Text.Json.Nodes;
using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Reference;
using Emigrate.Domain.Registration;

namespace Emigrate.Tests.Domain.Registration;

/// <summary>A valid registration body to vary, and a validator with a fixed "today".</summary>
internal static class RegistrationFixture
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    public static readonly ReferenceData Data = ReferenceDataLoader.LoadEmbedded();

    public static readonly AadhaarHasher Hasher = new(Encoding.ASCII.GetBytes("registration-tests-secret-0123456789"));

    public const string AadhaarNumber = "234567890124";

    public static JsonObject ValidBody() => JsonNode.Parse("""
        {
          "name": "Ramesh Kumar",
          "dateOfBirth": "1995-04-12",
          "gender": "male",
          "occupation": "Mason",
          "mobile": "+91 98765 43210",
          "preferredLanguage": "hi",
          "passport": { "number": "k1234567", "issueDate": "2020-01-15", "expiryDate": "2030-01-14", "category": "ECR" },
          "aadhaar": "2345 6789 0124",
          "address": { "line1": "Ward 4, near Shiv Mandir", "district": "Gorakhpur", "state": "Uttar Pradesh", "pinCode": "273001" },
          "destinationCountry": "AE",
          "recruitment": { "route": "agent", "agentRegistrationNumber": "B-0786/MUM/PER/1000+/5/9999/2019" },
          "job": {
            "employer": "Al Noor Contracting LLC", "title": "Mason", "monthlySalary": 1800, "currency": "AED",
            "contractYears": 2, "intendedDeparture": "2025-08-01"
          }
        }
        """)!.AsObject();

    public static RegistrationResult Validate(JsonNode body, EligibilityOptions? options = null) =>
        Validate(body.ToJsonString(), options);

    public static RegistrationResult Validate(string json, EligibilityOptions? options = null) =>
        new RegistrationValidator(Data, Hasher, options).Validate(json, Today);

    public static JsonObject With(this JsonObject body, string path, JsonNode? value)
    {
        var (parent, name) = Locate(body, path);
        parent[name] = value;
        return body;
    }

    public static JsonObject Without(this JsonObject body, string path)
    {
        var (parent, name) = Locate(body, path);
        parent.Remove(name);
        return body;
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject body, string path)
    {
        var parts = path.Split('.');
        var parent = body;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        return (parent, parts[^1]);
    }
}
