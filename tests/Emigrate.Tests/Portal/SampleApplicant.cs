using System.Globalization;
using System.Text.Json.Nodes;

namespace Emigrate.Testing;

/// <summary>
/// A valid registration body per DOMAIN.md (an agent-recruited mason, ECR passport, departure to the UAE), with the
/// parts callers vary. The tests' portal host and the benchmark's applicants both build on it (the bench compiles
/// this file in as a link), so a change of the wire format is made once.
/// </summary>
internal static class SampleApplicant
{
    /// <summary>The body; <paramref name="aadhaar"/> null leaves the optional field out.</summary>
    public static JsonObject Body(
        string name,
        string passport,
        string mobile,
        string? aadhaar,
        string addressLine,
        string district,
        string state,
        string pinCode,
        DateOnly departure)
    {
        JsonObject body = JsonNode.Parse($$"""
            {
              "name": "{{name}}",
              "dateOfBirth": "1995-04-12",
              "gender": "male",
              "occupation": "Mason",
              "mobile": "{{mobile}}",
              "preferredLanguage": "en",
              "passport": { "number": "{{passport}}", "issueDate": "2020-01-15", "expiryDate": "2034-01-14", "category": "ECR" },
              "address": { "line1": "{{addressLine}}", "district": "{{district}}", "state": "{{state}}", "pinCode": "{{pinCode}}" },
              "destinationCountry": "AE",
              "recruitment": { "route": "agent", "agentRegistrationNumber": "B-0786/MUM/PER/1000+/5/9999/2019" },
              "job": {
                "employer": "Al Noor Contracting LLC", "title": "Mason", "monthlySalary": 1800, "currency": "AED",
                "contractYears": 2, "intendedDeparture": "{{departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}"
              }
            }
            """)!.AsObject();
        if (aadhaar is not null)
        {
            body["aadhaar"] = aadhaar;
        }

        return body;
    }
}
