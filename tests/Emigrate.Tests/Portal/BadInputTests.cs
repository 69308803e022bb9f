using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>
/// Bad input to every endpoint: malformed JSON, a wrong content type, unknown fields, missing fields, bad query
/// values, unknown ids and duplicates. Each answers problem details (with field errors where a field is at fault)
/// and writes nothing.
/// </summary>
public sealed class BadInputTests(AzuriteFixture azurite) : PortalTest(azurite)
{
    [Fact]
    public async Task Json_endpoints_refuse_malformed_json_a_wrong_content_type_unknown_and_missing_fields_and_change_nothing()
    {
        string caseId = await this.Host.RegisterAsync("D9191919");
        await this.Host.WaitForStageAsync(caseId, "awaitingDocuments");
        var before = await this.Host.GetCaseAsync(caseId);
        var endpoints = new (string Path, string Key, JsonObject Valid, string MissingField)[]
        {
            ("/api/cases", PortalHost.CscKey, PortalHost.Applicant("D9292929"), "name"),
            ($"/api/cases/{caseId}/documents/visa/review", PortalHost.VerifierKey, new JsonObject { ["decision"] = "approve" }, "decision"),
            ($"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = PortalJourney.Day(3) }, "centreId"),
            ($"/api/cases/{caseId}/insurance/request", PortalHost.CscKey, new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 2 }, "insurerId"),
            ($"/api/cases/{caseId}/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC/1" }, "decision"),
            ($"/api/cases/{caseId}/withdraw", PortalHost.CscKey, new JsonObject { ["reason"] = "Not travelling" }, "reason"),
        };
        foreach (var (path, key, valid, missing) in endpoints)
        {
            await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, path, key, new StringContent("{\"decision\": ", Encoding.UTF8, "application/json"), null);
            await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, path, key, new StringContent("", Encoding.UTF8, "application/json"), null);
            await this.ExpectFieldErrorAsync(HttpStatusCode.UnsupportedMediaType, path, key, new StringContent(valid.ToJsonString(), Encoding.UTF8, "text/plain"), "contentType");

            var unknown = valid.DeepClone().AsObject();
            unknown["surprise"] = true;
            await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, path, key, JsonContent.Create(unknown), null);

            var without = valid.DeepClone().AsObject();
            without.Remove(missing);
            await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, path, key, JsonContent.Create(without), missing);
        }

        var after = await this.Host.GetCaseAsync(caseId);
        Assert.Equal(before["stage"]!.ToJsonString(), after["stage"]!.ToJsonString());
        Assert.Equal(before["timeline"]!.ToJsonString(), after["timeline"]!.ToJsonString());
        Assert.Empty(after["documents"]!.AsArray());
        using var list = await this.Host.SendAsync(HttpMethod.Get, "/api/cases", PortalHost.CscKey);
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }

    [Fact]
    public async Task Result_and_policy_bodies_are_checked_field_by_field_once_the_case_is_there()
    {
        string caseId = await this.Host.RegisterAsync("D9393939");
        await this.Host.DocumentsApprovedAsync(caseId);
        await this.Host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = PortalJourney.Day(3) });
        await this.Host.WaitForStageAsync(caseId, "medicalBooked");
        string result = $"/api/cases/{caseId}/medical/result";
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, result, PortalHost.MedicalKey, new StringContent("{", Encoding.UTF8, "application/json"), null);
        await this.ExpectFieldErrorAsync(HttpStatusCode.UnsupportedMediaType, result, PortalHost.MedicalKey, new StringContent("{\"result\":\"fit\"}", Encoding.UTF8, "text/plain"), "contentType");
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, result, PortalHost.MedicalKey, JsonContent.Create(new JsonObject { ["result"] = "fit", ["certificateRef"] = "C", ["extra"] = 1 }), null);
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, result, PortalHost.MedicalKey, JsonContent.Create(new JsonObject()), "result");
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, result, PortalHost.MedicalKey, JsonContent.Create(new JsonObject { ["result"] = "fit" }), "certificateRef");
        Assert.Equal("medicalBooked", (await this.Host.GetCaseAsync(caseId))["stage"]!.GetValue<string>());

        await this.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, result, PortalHost.MedicalKey, new JsonObject { ["result"] = "fit", ["certificateRef"] = "CERT-1" });
        await this.Host.WaitForStageAsync(caseId, "medicalFit");
        await this.Host.InsuranceRequestedAsync(caseId);
        string policy = $"/api/cases/{caseId}/insurance/policy";
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, policy, PortalHost.InsurerKey, new StringContent("[1,", Encoding.UTF8, "application/json"), null);
        await this.ExpectFieldErrorAsync(HttpStatusCode.UnsupportedMediaType, policy, PortalHost.InsurerKey, new StringContent("{}", Encoding.UTF8, "application/xml"), "contentType");
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, policy, PortalHost.InsurerKey, JsonContent.Create(new JsonObject { ["policyNumber"] = "P/1", ["insurer"] = "x" }), null);
        await this.ExpectFieldErrorAsync(HttpStatusCode.BadRequest, policy, PortalHost.InsurerKey, JsonContent.Create(new JsonObject { ["policyNumber"] = "P/1" }), "startDate");
        Assert.Equal("insuranceRequested", (await this.Host.GetCaseAsync(caseId))["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_route_and_id_errors_answer_problem_details_and_duplicates_answer_409()
    {
        string caseId = await this.Host.RegisterAsync("D9494949");
        var badRequests = new (HttpMethod Method, string Path, string Key, string Field, HttpContent? Body)[]
        {
            (HttpMethod.Get, "/api/cases?stage=sleeping", PortalHost.CscKey, "stage", null),
            (HttpMethod.Get, "/api/cases?continuationToken=1!2", PortalHost.CscKey, "continuationToken", null),
            (HttpMethod.Get, "/api/cases?stage=registered&continuationToken=x", PortalHost.VerifierKey, "continuationToken", null),
            (HttpMethod.Get, "/api/medical-centres?date=tomorrow", PortalHost.CscKey, "date", null),
            (HttpMethod.Get, "/api/medical-centres/mc-mumbai-1/appointments?date=2026-13-01", PortalHost.MedicalKey, "date", null),
            (HttpMethod.Get, "/api/sms/outbox?mobile=12345", PortalHost.AdminKey, "mobile", null),
            (HttpMethod.Put, $"/api/cases/{caseId}/documents/birthCertificate", PortalHost.CscKey, "type", PortalHost.Pdf()),
            (HttpMethod.Get, $"/api/cases/{caseId}/documents/birthCertificate", PortalHost.CscKey, "type", null),
            (HttpMethod.Post, $"/api/cases/{caseId}/documents/birthCertificate/review", PortalHost.VerifierKey, "type", JsonContent.Create(new { decision = "approve" })),
        };
        foreach (var call in badRequests)
        {
            using var response = await this.Host.SendAsync(call.Method, call.Path, call.Key, call.Body);
            await AssertFieldErrorAsync(response, HttpStatusCode.BadRequest, call.Field, $"{call.Method} {call.Path}");
        }

        using (var empty = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "photograph"), PortalHost.CscKey, new ByteArrayContent([]) { Headers = { ContentType = new("application/pdf") } }))
        {
            await AssertFieldErrorAsync(empty, HttpStatusCode.BadRequest, "body", "PUT an empty photograph");
        }

        using (var text = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "photograph"), PortalHost.CscKey, new StringContent("%PDF-1.7 not really", Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
            Assert.Equal("application/problem+json", text.Content.Headers.ContentType!.MediaType);
        }

        using (var noVersion = await this.Host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents/visa", PortalHost.CscKey))
        {
            Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
            Assert.Equal("application/problem+json", noVersion.Content.Headers.ContentType!.MediaType);
        }

        using (var malformedId = await this.Host.SendAsync(HttpMethod.Get, "/api/cases/not-a-case-id", PortalHost.CscKey))
        {
            Assert.Equal(HttpStatusCode.NotFound, malformedId.StatusCode);
            Assert.Equal("application/problem+json", malformedId.Content.Headers.ContentType!.MediaType);
        }

        using (var duplicate = await this.Host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant("D9494949")))
        {
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
            Assert.Equal(caseId, (await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>());
        }

        using (var nothingToReview = await this.Host.PostJsonAsync($"/api/cases/{caseId}/documents/visa/review", PortalHost.VerifierKey, new JsonObject { ["decision"] = "approve" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, nothingToReview.StatusCode);
            Assert.Equal("application/problem+json", nothingToReview.Content.Headers.ContentType!.MediaType);
        }

        using var list = await this.Host.SendAsync(HttpMethod.Get, "/api/cases", PortalHost.CscKey);
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
    }

    private async Task ExpectFieldErrorAsync(HttpStatusCode status, string path, string key, HttpContent body, string? field)
    {
        string sent = await body.ReadAsStringAsync();
        using var response = await this.Host.SendAsync(HttpMethod.Post, path, key, body);
        await AssertFieldErrorAsync(response, status, field, "POST " + path + " " + sent);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? field, string call)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{call}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]?.AsObject();
        Assert.True(errors is { Count: > 0 }, $"{call}: no field errors in {text}");
        if (field is not null)
        {
            Assert.True(errors.ContainsKey(field), $"{call}: no error for {field} in {text}");
        }
    }
}
