using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>The automatic pre-checks on upload: a visa needs its expiry date, a failed check refuses with 422 and stores nothing.</summary>
public sealed class PreCheckTests(AzuriteFixture azurite) : PortalTest(azurite)
{
    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("?expiryDate=", HttpStatusCode.BadRequest)]
    [InlineData("?expiryDate=31-12-2030", HttpStatusCode.BadRequest)]
    [InlineData("?expiryDate=2020-01-01", HttpStatusCode.UnprocessableEntity)]
    public async Task A_visa_upload_without_a_valid_unexpired_expiry_date_is_refused_with_the_field_and_nothing_is_stored(string query, HttpStatusCode status)
    {
        string caseId = await this.Host.RegisterAsync("P4141414");

        using var upload = await this.Host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/visa{query}", PortalHost.CscKey, PortalHost.Pdf());

        Assert.Equal(status, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType!.MediaType);
        var problem = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["expiryDate"]);
        Assert.Empty((await this.Host.GetCaseAsync(caseId))["documents"]!.AsArray());
    }

    [Fact]
    public async Task A_visa_that_lapses_before_the_intended_departure_fails_the_pre_check()
    {
        string caseId = await this.Host.RegisterAsync("P4242424");
        string beforeDeparture = PortalJourney.Day(30);

        using var upload = await this.Host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/visa?expiryDate={beforeDeparture}", PortalHost.CscKey, PortalHost.Pdf());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        var problem = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("before the intended departure", problem["errors"]!["expiryDate"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expiry_date_on_a_document_other_than_the_visa_is_refused()
    {
        string caseId = await this.Host.RegisterAsync("P4343434");

        using var upload = await this.Host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/photograph?expiryDate=2030-01-01", PortalHost.CscKey, PortalHost.Pdf());

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Empty((await this.Host.GetCaseAsync(caseId))["documents"]!.AsArray());
    }

    [Fact]
    public async Task A_visa_that_passes_is_stored_with_its_expiry_date_and_the_case_shows_both_checks()
    {
        string caseId = await this.Host.RegisterAsync("P4444444");
        string expiry = PortalJourney.Day(400);

        using var upload = await this.Host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/visa?expiryDate={expiry}", PortalHost.CscKey, PortalHost.Pdf());

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(expiry, (await upload.Content.ReadFromJsonAsync<JsonObject>())!["expiryDate"]!.GetValue<string>());
        var found = await this.Host.GetCaseAsync(caseId);
        var visa = Assert.Single(found["documents"]!.AsArray());
        Assert.Equal(expiry, visa!["expiryDate"]!.GetValue<string>());
        Assert.True(found["preChecks"]!["visa"]!["passed"]!.GetValue<bool>());
        Assert.Equal(expiry, found["preChecks"]!["visa"]!["expiryDate"]!.GetValue<string>());
        Assert.True(found["preChecks"]!["passport"]!["passed"]!.GetValue<bool>());
        Assert.Equal("2034-01-14", found["preChecks"]!["passport"]!["expiryDate"]!.GetValue<string>());
    }
}
