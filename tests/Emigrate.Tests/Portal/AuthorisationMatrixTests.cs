using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>Every endpoint with every role it does not allow (403), no key (401), and other organisations (404).</summary>
[Collection(PortalCollection.Name)]
public sealed class AuthorisationMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync() => this.host = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    private static string[] Csc => [PortalHost.CscKey, PortalHost.OtherCscKey];

    private static string[] Verifiers => [PortalHost.VerifierKey, PortalHost.OtherVerifierKey];

    private static string[] Poe => [PortalHost.PoeKey, PortalHost.OtherPoeKey];

    private static string[] Medical => [PortalHost.MedicalKey, PortalHost.OtherMedicalKey];

    private static string[] Insurers => [PortalHost.InsurerKey, PortalHost.OtherInsurerKey];

    [Fact]
    public async Task Medical_insurance_and_clearance_endpoints_refuse_every_other_role_with_403_and_no_key_with_401()
    {
        string caseId = await this.host.RegisterAsync("H8080808");
        string day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var endpoints = new (HttpMethod Method, string Path, string[] Allowed)[]
        {
            (HttpMethod.Get, $"/api/medical-centres?date={day}", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", Csc),
            (HttpMethod.Get, $"/api/medical-centres/mc-mumbai-1/appointments?date={day}", Medical),
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/result", Medical),
            (HttpMethod.Get, "/api/insurers", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", Insurers),
            (HttpMethod.Post, $"/api/cases/{caseId}/clearance/submit", Csc),
            (HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", Poe),
        };
        foreach (var (method, path, allowed) in endpoints)
        {
            foreach (string key in PortalHost.Keys.Keys.Except(allowed))
            {
                using var response = await this.host.SendAsync(method, path, key);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} with {key}: {(int)response.StatusCode}");
            }

            using var anonymous = await this.host.SendAsync(method, path, null);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
    }

    [Fact]
    public async Task Organisations_other_than_the_case_s_own_get_404_on_every_case_call()
    {
        string caseId = await this.host.RegisterAsync("J9090909");
        string day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var calls = new (HttpMethod Method, string Path, string Key, JsonObject Body)[]
        {
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.OtherCscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = day }),
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.OtherMedicalKey, new JsonObject { ["result"] = "noShow" }),
            (HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "noShow" }),
            (HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", PortalHost.OtherCscKey, new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 2 }),
            (HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", PortalHost.InsurerKey, new JsonObject { ["policyNumber"] = "P/1" }),
            (HttpMethod.Post, $"/api/cases/{caseId}/clearance/submit", PortalHost.OtherCscKey, new JsonObject()),
            (HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", PortalHost.OtherPoeKey, new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC" }),
            (HttpMethod.Post, "/api/cases/EM0000000001/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC" }),
        };
        foreach (var call in calls)
        {
            using var response = await this.host.SendAsync(call.Method, call.Path, call.Key, JsonContent.Create(call.Body));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{call.Method} {call.Path} with {call.Key}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        using var appointments = await this.host.SendAsync(HttpMethod.Get, $"/api/medical-centres/mc-mumbai-1/appointments?date={day}", PortalHost.OtherMedicalKey);
        Assert.Equal(HttpStatusCode.NotFound, appointments.StatusCode);
    }
}
