using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Emigrate.Tests.Portal;

/// <summary>Steps that carry a case along over HTTP, for tests that need it at a later stage.</summary>
public static class PortalJourney
{
    public static readonly string[] AllDocuments = ["passport", "visa", "employmentContract", "photograph", "demandLetter", "aadhaar"];

    public static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task ExpectAsync(this PortalHost host, HttpStatusCode status, HttpMethod method, string path, string key, JsonNode body)
    {
        using var response = await host.SendAsync(method, path, key, JsonContent.Create(body));
        Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task DocumentsApprovedAsync(this PortalHost host, string caseId, string waitFor = "documentsVerified")
    {
        foreach (string type in AllDocuments)
        {
            using var upload = await host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, type), PortalHost.CscKey, PortalHost.Pdf());
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        foreach (string type in AllDocuments)
        {
            await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/documents/{type}/review", PortalHost.VerifierKey, new JsonObject { ["decision"] = "approve" });
        }

        await host.WaitForStageAsync(caseId, waitFor);
    }

    public static async Task FitAsync(this PortalHost host, string caseId)
    {
        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = Day(3) });
        await host.WaitForStageAsync(caseId, "medicalBooked");
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "fit", ["certificateRef"] = "CERT-1" });
        await host.WaitForStageAsync(caseId, "medicalFit");
    }

    public static async Task InsuranceRequestedAsync(this PortalHost host, string caseId)
    {
        await host.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", PortalHost.CscKey, new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 2 });
        await host.WaitForStageAsync(caseId, "insuranceRequested");
    }

    public static async Task InsuredAsync(this PortalHost host, string caseId)
    {
        var departure = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", PortalHost.InsurerKey, new JsonObject
        {
            ["policyNumber"] = "PBBY/2026/0001",
            ["startDate"] = departure.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = departure.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["premium"] = 275,
        });
        await host.WaitForStageAsync(caseId, "insured");
    }
}
