using System.Globalization;
using System.Text.Json.Nodes;
using Emigrate.Testing;

namespace Serverless.Bench.App;

/// <summary>Registration bodies for benchmark applicants: each with its own passport and mobile, eligible per DOMAIN.md.</summary>
internal static class Applicants
{
    /// <summary>Departure this many days from today: after medical, insurance and clearance, inside the passport's validity.</summary>
    public const int DepartureInDays = 60;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The upload's query: a visa needs its expiry date (a year on, well after the departure).</summary>
    public static string UploadQuery(string documentType) =>
        documentType == "visa" ? "?expiryDate=" + Today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    /// <summary>A passport number of the series letter and the number (7 digits).</summary>
    public static string Passport(char series, int number) => series + number.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>A mobile of the series digit (6–9) and the number (9 digits): distinct numbers for distinct applicants.</summary>
    public static string Mobile(char series, int number) => series + number.ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>An agent-recruited mason without Aadhaar: passport, visa, contract, photograph and demand letter are required.</summary>
    public static JsonObject Body(string passport, string mobile, string state = "Maharashtra", string district = "Mumbai", string pinCode = "400017") =>
        SampleApplicant.Body("Bench Applicant " + Letters(passport), passport, mobile, null, "Room 4, Chawl 7", district, state, pinCode, Today.AddDays(DepartureInDays));

    /// <summary>Names take letters only: the passport's digits spelled as letters keep names distinct.</summary>
    private static string Letters(string passport) => string.Concat(passport.Select(c => char.IsAsciiDigit(c) ? (char)('a' + (c - '0')) : c));

    public static readonly string[] Documents = ["passport", "visa", "employmentContract", "photograph", "demandLetter"];

    /// <summary>A small PDF (the upload checks the magic bytes).</summary>
    public static ByteArrayContent Pdf()
    {
        var bytes = new byte[4096];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return content;
    }
}
