using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class CasePortalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] AllDocuments = ["passport", "visa", "employmentContract", "photograph", "demandLetter", "aadhaar"];

    private PortalHost host = null!;

    public async Task InitializeAsync() => this.host = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    [Fact]
    public async Task Registration_answers_202_with_the_case_location_and_the_case_then_awaits_documents()
    {
        using var response = await this.host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        string caseId = body["caseId"]!.GetValue<string>();
        Assert.Equal("registered", body["stage"]!.GetValue<string>());
        Assert.Equal($"/api/cases/{caseId}", response.Headers.Location!.OriginalString);

        var found = await this.host.WaitForStageAsync(caseId, "awaitingDocuments");
        Assert.Equal("poe-mumbai", found["poeOffice"]!.GetValue<string>());
        Assert.Equal("csc-demo-0001", found["cscId"]!.GetValue<string>());
        Assert.Equal("XXXX-XXXX-0124", found["applicant"]!["aadhaar"]!.GetValue<string>());
        Assert.DoesNotContain("234567890124", found.ToJsonString());
        Assert.Contains(this.host.Sms.Sent, s => s.CaseId!.Value == caseId && s.Message.TemplateId.StartsWith("registration-ack", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registration_with_invalid_fields_answers_400_problem_details_with_field_errors()
    {
        var body = PortalHost.Applicant();
        body["mobile"] = "12345";
        body["unexpected"] = "field";
        using var response = await this.host.PostJsonAsync("/api/cases", PortalHost.CscKey, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["mobile"]);
    }

    [Fact]
    public async Task A_second_registration_of_a_passport_with_an_open_case_answers_409_with_the_existing_case_id()
    {
        string first = await this.host.RegisterAsync("M7654321");
        using var response = await this.host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant("M7654321"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(first, problem["caseId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Documents_uploaded_and_approved_move_the_case_to_documents_verified()
    {
        string caseId = await this.host.RegisterAsync("N1111111");
        await this.host.WaitForStageAsync(caseId, "awaitingDocuments");
        foreach (string type in AllDocuments)
        {
            using var upload = await this.host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, type), PortalHost.CscKey, PortalHost.Pdf());
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            var stored = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(1, stored["version"]!.GetValue<int>());
            Assert.Equal(64, stored["sha256"]!.GetValue<string>().Length);
        }

        foreach (string type in AllDocuments)
        {
            using var review = await this.host.PostJsonAsync($"/api/cases/{caseId}/documents/{type}/review", PortalHost.VerifierKey, new JsonObject { ["decision"] = "approve" });
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        }

        var found = await this.host.WaitForStageAsync(caseId, "documentsVerified");
        Assert.All(found["documents"]!.AsArray(), d => Assert.Equal("approved", d!["reviewState"]!.GetValue<string>()));
        Assert.Contains(found["timeline"]!.AsArray(), t => t!["stage"]!.GetValue<string>() == "documentsVerified");

        using var again = await this.host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), PortalHost.CscKey, PortalHost.Pdf());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_sent_back_document_moves_the_case_to_documents_sent_back_until_it_is_uploaded_again()
    {
        string caseId = await this.host.RegisterAsync("P2222222");
        using (var upload = await this.host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), PortalHost.CscKey, PortalHost.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        await this.host.WaitForStageAsync(caseId, "awaitingDocuments");
        using (var review = await this.host.PostJsonAsync($"/api/cases/{caseId}/documents/visa/review", PortalHost.VerifierKey, new JsonObject { ["decision"] = "sendBack", ["reason"] = "Blurred scan" }))
        {
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        }

        var sentBack = await this.host.WaitForStageAsync(caseId, "documentsSentBack");
        Assert.Equal("Blurred scan", sentBack["documents"]!.AsArray().Single(d => d!["type"]!.GetValue<string>() == "visa")!["reason"]!.GetValue<string>());

        using (var reupload = await this.host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), PortalHost.CscKey, PortalHost.Pdf(4096)))
        {
            Assert.Equal(2, (await reupload.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>());
        }

        await this.host.WaitForStageAsync(caseId, "awaitingDocuments");
    }

    [Fact]
    public async Task A_review_with_nothing_awaiting_review_answers_409()
    {
        string caseId = await this.host.RegisterAsync("Q3333333");
        await this.host.WaitForStageAsync(caseId, "awaitingDocuments");
        using var review = await this.host.PostJsonAsync($"/api/cases/{caseId}/documents/passport/review", PortalHost.VerifierKey, new JsonObject { ["decision"] = "approve" });

        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        Assert.Equal("application/problem+json", review.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Uploads_that_are_not_the_declared_format_answer_415_and_oversized_ones_413()
    {
        string caseId = await this.host.RegisterAsync("R4444444");
        var png = new ByteArrayContent(new byte[100]);
        png.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var wrong = await this.host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/photograph", PortalHost.CscKey, png);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrong.StatusCode);

        using var big = await this.host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/photograph", PortalHost.CscKey, PortalHost.Pdf((5 * 1024 * 1024) + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        var found = await this.host.GetCaseAsync(caseId);
        Assert.Empty(found["documents"]!.AsArray());
    }

    [Fact]
    public async Task The_latest_version_downloads_for_the_owner_and_the_verifier()
    {
        string caseId = await this.host.RegisterAsync("S5555555");
        using (await this.host.SendAsync(HttpMethod.Put, $"/api/cases/{caseId}/documents/passport", PortalHost.CscKey, PortalHost.Pdf(3000)))
        {
        }

        foreach (string key in new[] { PortalHost.CscKey, PortalHost.VerifierKey })
        {
            using var download = await this.host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents/passport", key);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(3000, (await download.Content.ReadAsByteArrayAsync()).Length);
        }
    }

    [Fact]
    public async Task Withdrawal_ends_the_case_and_later_calls_answer_409_with_the_stage()
    {
        string caseId = await this.host.RegisterAsync("T6666666");
        await this.host.WaitForStageAsync(caseId, "awaitingDocuments");
        using (var withdraw = await this.host.PostJsonAsync($"/api/cases/{caseId}/withdraw", PortalHost.CscKey, new JsonObject { ["reason"] = "Not travelling" }))
        {
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        }

        await this.host.WaitForStageAsync(caseId, "withdrawn");
        using var upload = await this.host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), PortalHost.CscKey, PortalHost.Pdf());
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        var problem = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("withdrawn", problem["stage"]!.GetValue<string>());

        // The passport is free again for a new case.
        string next = await this.host.RegisterAsync("T6666666");
        Assert.NotEqual(caseId, next);
    }

    [Fact]
    public async Task Another_csc_or_an_officer_of_another_jurisdiction_gets_404_exactly_like_an_unknown_id()
    {
        string caseId = await this.host.RegisterAsync("U7777777");
        using var unknown = await this.host.SendAsync(HttpMethod.Get, "/api/cases/EM0000000001", PortalHost.CscKey);
        string unknownBody = WithoutTraceId(await unknown.Content.ReadAsStringAsync());

        var calls = new (HttpMethod Method, string Path, string Key, Func<HttpContent?> Body)[]
        {
            (HttpMethod.Get, $"/api/cases/{caseId}", PortalHost.OtherCscKey, () => null),
            (HttpMethod.Get, $"/api/cases/{caseId}", PortalHost.OtherVerifierKey, () => null),
            (HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), PortalHost.OtherCscKey, () => PortalHost.Pdf()),
            (HttpMethod.Get, $"/api/cases/{caseId}/documents/visa", PortalHost.OtherCscKey, () => null),
            (HttpMethod.Get, $"/api/cases/{caseId}/documents/visa", PortalHost.OtherVerifierKey, () => null),
            (HttpMethod.Post, $"/api/cases/{caseId}/documents/visa/review", PortalHost.OtherVerifierKey, () => JsonContent.Create(new { decision = "approve" })),
            (HttpMethod.Post, $"/api/cases/{caseId}/withdraw", PortalHost.OtherCscKey, () => JsonContent.Create(new { reason = "x" })),
        };
        foreach (var call in calls)
        {
            using var response = await this.host.SendAsync(call.Method, call.Path, call.Key, call.Body());
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{call.Method} {call.Path} with {call.Key}: {(int)response.StatusCode}");
            Assert.Equal(unknownBody, WithoutTraceId(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_case_list_shows_a_csc_only_its_own_cases_and_an_officer_its_jurisdiction_with_a_stage_filter()
    {
        string mine = await this.host.RegisterAsync("W9999999");
        await this.host.WaitForStageAsync(mine, "awaitingDocuments");

        // The lists follow the case row within the same stage-change activity, a few requests later.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            while (!(await ListAsync(PortalHost.VerifierKey, "?stage=awaitingDocuments")).Contains(mine))
            {
                Assert.False(timeout.IsCancellationRequested, $"Case {mine} did not reach the verifier's awaitingDocuments list.");
                await Task.Delay(100);
            }
        }

        var own = await ListAsync(PortalHost.CscKey, "");
        Assert.Contains(own, i => i == mine);
        Assert.DoesNotContain(mine, await ListAsync(PortalHost.OtherCscKey, ""));
        Assert.Contains(mine, await ListAsync(PortalHost.VerifierKey, "?stage=awaitingDocuments"));
        Assert.DoesNotContain(mine, await ListAsync(PortalHost.VerifierKey, "?stage=insured"));
        Assert.DoesNotContain(mine, await ListAsync(PortalHost.OtherVerifierKey, ""));

        using var bad = await this.host.SendAsync(HttpMethod.Get, "/api/cases?stage=nonsense", PortalHost.CscKey);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        async Task<List<string>> ListAsync(string key, string query)
        {
            using var response = await this.host.SendAsync(HttpMethod.Get, "/api/cases" + query, key);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            return body["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()).ToList();
        }
    }

    [Fact]
    public async Task Bad_input_to_document_and_withdraw_endpoints_answers_400_problem_details()
    {
        string caseId = await this.host.RegisterAsync("X1212121");
        var calls = new (HttpMethod Method, string Path, string Key, HttpContent Body)[]
        {
            (HttpMethod.Put, $"/api/cases/{caseId}/documents/driving-licence", PortalHost.CscKey, PortalHost.Pdf()),
            (HttpMethod.Post, $"/api/cases/{caseId}/documents/visa/review", PortalHost.VerifierKey, JsonContent.Create(new { decision = "maybe" })),
            (HttpMethod.Post, $"/api/cases/{caseId}/documents/visa/review", PortalHost.VerifierKey, JsonContent.Create(new { decision = "sendBack" })),
            (HttpMethod.Post, $"/api/cases/{caseId}/documents/visa/review", PortalHost.VerifierKey, JsonContent.Create(new { decision = "approve", extra = 1 })),
            (HttpMethod.Post, $"/api/cases/{caseId}/withdraw", PortalHost.CscKey, JsonContent.Create(new { })),
            (HttpMethod.Post, $"/api/cases/{caseId}/withdraw", PortalHost.CscKey, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")),
        };
        foreach (var call in calls)
        {
            using var response = await this.host.SendAsync(call.Method, call.Path, call.Key, call.Body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{call.Method} {call.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    private static string WithoutTraceId(string problem)
    {
        var node = JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
