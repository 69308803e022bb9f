using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>Every endpoint with every role it does not allow (403), no key (401), and other organisations (404 exactly like an unknown id).</summary>
public sealed class AuthorisationMatrixTests(AzuriteFixture azurite) : PortalTest(azurite)
{
    private static string[] Csc => [PortalHost.CscKey, PortalHost.OtherCscKey];

    private static string[] Verifiers => [PortalHost.VerifierKey, PortalHost.OtherVerifierKey];

    private static string[] Poe => [PortalHost.PoeKey, PortalHost.OtherPoeKey];

    private static string[] Medical => [PortalHost.MedicalKey, PortalHost.OtherMedicalKey];

    private static string[] Insurers => [PortalHost.InsurerKey, PortalHost.OtherInsurerKey];

    private static string[] Admin => [PortalHost.AdminKey];

    [Fact]
    public async Task Every_endpoint_refuses_every_other_role_with_403_and_no_key_with_401_as_problem_details()
    {
        string caseId = await this.Host.RegisterAsync("H8080808");
        string day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var endpoints = new (HttpMethod Method, string Path, string[] Allowed)[]
        {
            (HttpMethod.Post, "/api/cases", Csc),
            (HttpMethod.Get, $"/api/cases/{caseId}", [.. Csc, .. Verifiers, .. Poe]),
            (HttpMethod.Get, "/api/cases?stage=registered", [.. Csc, .. Verifiers, .. Poe]),
            (HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), Csc),
            (HttpMethod.Get, $"/api/cases/{caseId}/documents/visa", [.. Csc, .. Verifiers]),
            (HttpMethod.Post, $"/api/cases/{caseId}/documents/visa/review", Verifiers),
            (HttpMethod.Get, $"/api/medical-centres?date={day}", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", Csc),
            (HttpMethod.Get, $"/api/medical-centres/mc-mumbai-1/appointments?date={day}", Medical),
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/result", Medical),
            (HttpMethod.Get, "/api/insurers", Csc),
            (HttpMethod.Get, "/api/insurers/ins-sagar/requests", Insurers),
            (HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", Insurers),
            (HttpMethod.Post, $"/api/cases/{caseId}/clearance/submit", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", Poe),
            (HttpMethod.Post, $"/api/cases/{caseId}/withdraw", Csc),
            (HttpMethod.Get, "/api/sms/outbox?mobile=9876543210", Admin),
        };
        foreach (var (method, path, allowed) in endpoints)
        {
            foreach (string key in PortalHost.Keys.Keys.Except(allowed))
            {
                using var response = await this.Host.SendAsync(method, path, key);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} with {key}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            using var anonymous = await this.Host.SendAsync(method, path, null);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a key: {(int)anonymous.StatusCode}");
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }

        // Nothing those calls sent reached the case.
        var found = await this.Host.GetCaseAsync(caseId);
        Assert.Empty(found["documents"]!.AsArray());
    }

    [Fact]
    public async Task Organisations_other_than_the_case_s_own_get_404_identical_to_an_unknown_id_on_every_case_call()
    {
        string caseId = await this.Host.RegisterAsync("J9090909");
        string day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var calls = new (HttpMethod Method, string Path, string Key, Func<HttpContent?> Body)[]
        {
            (HttpMethod.Get, "/api/cases/{id}", PortalHost.OtherCscKey, () => null),
            (HttpMethod.Get, "/api/cases/{id}", PortalHost.OtherVerifierKey, () => null),
            (HttpMethod.Get, "/api/cases/{id}", PortalHost.OtherPoeKey, () => null),
            (HttpMethod.Put, "/api/cases/{id}/documents/visa?expiryDate=2030-01-01", PortalHost.OtherCscKey, () => PortalHost.Pdf()),
            (HttpMethod.Get, "/api/cases/{id}/documents/visa", PortalHost.OtherCscKey, () => null),
            (HttpMethod.Get, "/api/cases/{id}/documents/visa", PortalHost.OtherVerifierKey, () => null),
            (HttpMethod.Post, "/api/cases/{id}/documents/visa/review", PortalHost.OtherVerifierKey, () => Json(new JsonObject { ["decision"] = "approve" })),
            (HttpMethod.Post, "/api/cases/{id}/medical/booking", PortalHost.OtherCscKey, () => Json(new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = day })),
            (HttpMethod.Post, "/api/cases/{id}/medical/result", PortalHost.OtherMedicalKey, () => Json(new JsonObject { ["result"] = "noShow" })),
            (HttpMethod.Post, "/api/cases/{id}/medical/result", PortalHost.MedicalKey, () => Json(new JsonObject { ["result"] = "noShow" })),
            (HttpMethod.Post, "/api/cases/{id}/insurance/request", PortalHost.OtherCscKey, () => Json(new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 2 })),
            (HttpMethod.Post, "/api/cases/{id}/insurance/policy", PortalHost.InsurerKey, () => Json(new JsonObject { ["policyNumber"] = "P/1" })),
            (HttpMethod.Post, "/api/cases/{id}/clearance/submit", PortalHost.OtherCscKey, () => Json(new JsonObject())),
            (HttpMethod.Post, "/api/cases/{id}/clearance/decision", PortalHost.OtherPoeKey, () => Json(new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC" })),
            (HttpMethod.Post, "/api/cases/{id}/withdraw", PortalHost.OtherCscKey, () => Json(new JsonObject { ["reason"] = "x" })),
        };
        foreach (var call in calls)
        {
            using var foreign = await this.Host.SendAsync(call.Method, call.Path.Replace("{id}", caseId, StringComparison.Ordinal), call.Key, call.Body());
            using var unknown = await this.Host.SendAsync(call.Method, call.Path.Replace("{id}", "EM0000000001", StringComparison.Ordinal), call.Key, call.Body());
            Assert.True(foreign.StatusCode == HttpStatusCode.NotFound, $"{call.Method} {call.Path} with {call.Key}: {(int)foreign.StatusCode}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType!.MediaType);
            Assert.Equal(WithoutTraceId(await unknown.Content.ReadAsStringAsync()), WithoutTraceId(await foreign.Content.ReadAsStringAsync()));
        }

        using var appointments = await this.Host.SendAsync(HttpMethod.Get, $"/api/medical-centres/mc-mumbai-1/appointments?date={day}", PortalHost.OtherMedicalKey);
        Assert.Equal(HttpStatusCode.NotFound, appointments.StatusCode);
        using var requests = await this.Host.SendAsync(HttpMethod.Get, "/api/insurers/ins-sagar/requests", PortalHost.OtherInsurerKey);
        Assert.Equal(HttpStatusCode.NotFound, requests.StatusCode);

        var found = await this.Host.GetCaseAsync(caseId);
        Assert.Empty(found["documents"]!.AsArray());
        Assert.NotEqual("withdrawn", found["stage"]!.GetValue<string>());
    }

    private static JsonContent Json(JsonNode body) => JsonContent.Create(body);

    private static string WithoutTraceId(string problem)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
