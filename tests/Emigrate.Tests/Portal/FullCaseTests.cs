using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

[Collection(PortalCollection.Name)]
public sealed class FullCaseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost host = null!;

    public async Task InitializeAsync() => this.host = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    private static string Day(int fromToday) => PortalJourney.Day(fromToday);

    [Fact]
    public async Task One_case_goes_from_registration_to_cleared_over_http()
    {
        string caseId = await this.host.RegisterAsync("A1010101");
        await this.DocumentsApprovedAsync(caseId);
        await this.FitAsync(caseId);
        await this.InsuredAsync(caseId);

        string arn = await this.SubmitAsync(caseId);
        Assert.False(string.IsNullOrEmpty(arn));
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC/MUM/2026/1" });

        var cleared = await this.host.WaitForStageAsync(caseId, "cleared");
        Assert.Equal("EC/MUM/2026/1", cleared["clearance"]!["ecNumber"]!.GetValue<string>());
        Assert.Equal(arn, cleared["clearance"]!["arn"]!.GetValue<string>());
        await this.WaitForSmsAsync(caseId, "result-cleared");
    }

    [Fact]
    public async Task A_poe_send_back_reopens_the_documents_and_the_case_is_resubmitted_and_cleared()
    {
        string caseId = await this.host.RegisterAsync("B2020202");
        await this.DocumentsApprovedAsync(caseId);
        await this.FitAsync(caseId);
        await this.InsuredAsync(caseId);
        await this.SubmitAsync(caseId);
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "sendBack", ["reason"] = "Contract not attested" });

        var sentBack = await this.host.WaitForStageAsync(caseId, "clearanceSentBack");
        Assert.All(sentBack["documents"]!.AsArray(), d => Assert.Equal("sentBack", d!["reviewState"]!.GetValue<string>()));
        await this.DocumentsApprovedAsync(caseId, waitFor: "insured");

        await this.SubmitAsync(caseId);
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC-2" });
        await this.host.WaitForStageAsync(caseId, "cleared");
    }

    [Fact]
    public async Task A_rejected_clearance_ends_the_case()
    {
        string caseId = await this.host.RegisterAsync("C3030303");
        await this.DocumentsApprovedAsync(caseId);
        await this.FitAsync(caseId);
        await this.InsuredAsync(caseId);
        await this.SubmitAsync(caseId);
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "reject", ["reason"] = "Forged visa" });

        await this.host.WaitForStageAsync(caseId, "clearanceRejected");
        await this.Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/cases/{caseId}/withdraw", PortalHost.CscKey, new JsonObject { ["reason"] = "late" });
    }

    [Fact]
    public async Task A_no_show_returns_the_case_to_booking_and_an_unfit_result_ends_it()
    {
        string caseId = await this.host.RegisterAsync("D4040404");
        await this.DocumentsApprovedAsync(caseId);
        await this.BookAsync(caseId);
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "noShow" });
        await this.host.WaitForStageAsync(caseId, "documentsVerified");

        await this.BookAsync(caseId);
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "unfit" });
        await this.host.WaitForStageAsync(caseId, "medicalUnfit");
    }

    [Fact]
    public async Task Calls_that_do_not_fit_the_stage_answer_409_with_the_stage_and_what_is_expected()
    {
        string caseId = await this.host.RegisterAsync("E5050505");
        await this.host.WaitForStageAsync(caseId, "awaitingDocuments");

        using var booking = await this.host.PostJsonAsync($"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = Day(3) });
        Assert.Equal(HttpStatusCode.Conflict, booking.StatusCode);
        var problem = (await booking.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("awaitingDocuments", problem["stage"]!.GetValue<string>());
        Assert.Equal("documentsVerified", problem["expected"]![0]!.GetValue<string>());

        await this.Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", PortalHost.CscKey, new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 2 });
        await this.Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/cases/{caseId}/clearance/submit", PortalHost.CscKey, new JsonObject());
        await this.Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/cases/{caseId}/clearance/decision", PortalHost.PoeKey, new JsonObject { ["decision"] = "grant", ["ecNumber"] = "EC-1" });
        Assert.Equal("awaitingDocuments", (await this.host.GetCaseAsync(caseId))["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_to_medical_insurance_and_clearance_endpoints_answers_400()
    {
        string caseId = await this.host.RegisterAsync("F6060606");
        await this.DocumentsApprovedAsync(caseId);
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-nowhere", ["date"] = Day(3) });
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = Day(0) });
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = "tomorrow" });
        using (var centres = await this.host.SendAsync(HttpMethod.Get, "/api/medical-centres?city=Mumbai", PortalHost.CscKey))
        {
            Assert.Equal(HttpStatusCode.BadRequest, centres.StatusCode);
        }

        await this.BookAsync(caseId);
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "fit" });
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "healthy" });
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "fit", ["certificateRef"] = "CERT-9" });
        await this.host.WaitForStageAsync(caseId, "medicalFit");

        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", PortalHost.CscKey, new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 5 });
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", PortalHost.CscKey, new JsonObject { ["insurerId"] = "ins-none", ["years"] = 2 });
        await this.Expect(HttpStatusCode.Accepted, HttpMethod.Post, $"/api/cases/{caseId}/insurance/request", PortalHost.CscKey, new JsonObject { ["insurerId"] = "ins-sagar", ["years"] = 2 });
        await this.host.WaitForStageAsync(caseId, "insuranceRequested");

        // Period shorter than the contract, and the 3-year premium for a 2-year policy.
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", PortalHost.InsurerKey, new JsonObject { ["policyNumber"] = "PBBY/1", ["startDate"] = Day(60), ["endDate"] = Day(300), ["premium"] = 275 });
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", PortalHost.InsurerKey, new JsonObject { ["policyNumber"] = "PBBY/1", ["startDate"] = Day(60), ["endDate"] = Day(60 + 731), ["premium"] = 999 });
        await this.Expect(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/cases/{caseId}/insurance/policy", PortalHost.InsurerKey, new JsonObject { ["policyNumber"] = "PBBY/1" });
    }

    [Fact]
    public async Task A_full_medical_day_answers_409_and_the_free_slots_show_it()
    {
        // mc-mumbai-1's capacity is the reference data's; book a day full through the store, then one more over HTTP.
        string caseId = await this.host.RegisterAsync("G7070707");
        await this.DocumentsApprovedAsync(caseId);
        var slots = (Emigrate.Data.Medical.MedicalSlotStore)this.host.App.Services.GetService(typeof(Emigrate.Data.Medical.MedicalSlotStore))!;
        var centre = Emigrate.Domain.Reference.ReferenceDataLoader.LoadEmbedded().FindMedicalCentre("mc-mumbai-1")!;
        var date = DateOnly.ParseExact(Day(5), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Task.WhenAll(Enumerable.Range(0, centre.DailyCapacity + 5).Select(i => slots.ReserveAsync(centre.Id, date, centre.DailyCapacity, $"EMX{i}", "x", CancellationToken.None)));
        Assert.Equal(centre.DailyCapacity, await slots.BookedAsync(centre.Id, date, CancellationToken.None));

        using var list = await this.host.SendAsync(HttpMethod.Get, $"/api/medical-centres?city=Mumbai&date={Day(5)}", PortalHost.CscKey);
        var body = (await list.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, body["centres"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "mc-mumbai-1")!["freeSlots"]!.GetValue<int>());
        await this.Expect(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = Day(5) });
    }

    private Task DocumentsApprovedAsync(string caseId, string waitFor = "documentsVerified") => this.host.DocumentsApprovedAsync(caseId, waitFor);

    private async Task BookAsync(string caseId)
    {
        await this.Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = Day(3) });
        await this.host.WaitForStageAsync(caseId, "medicalBooked");
        using var appointments = await this.host.SendAsync(HttpMethod.Get, $"/api/medical-centres/mc-mumbai-1/appointments?date={Day(3)}", PortalHost.MedicalKey);
        string text = await appointments.Content.ReadAsStringAsync();
        Assert.Contains(caseId, text);
        Assert.DoesNotContain("K1234567", text);
    }

    private async Task FitAsync(string caseId)
    {
        await this.BookAsync(caseId);
        await this.Expect(HttpStatusCode.OK, HttpMethod.Post, $"/api/cases/{caseId}/medical/result", PortalHost.MedicalKey, new JsonObject { ["result"] = "fit", ["certificateRef"] = "CERT-1" });
        await this.host.WaitForStageAsync(caseId, "medicalFit");
    }

    private async Task InsuredAsync(string caseId)
    {
        await this.host.InsuranceRequestedAsync(caseId);
        await this.host.InsuredAsync(caseId);
    }

    private async Task<string> SubmitAsync(string caseId)
    {
        using var submit = await this.host.PostJsonAsync($"/api/cases/{caseId}/clearance/submit", PortalHost.CscKey, new JsonObject());
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        string arn = (await submit.Content.ReadFromJsonAsync<JsonObject>())!["arn"]!.GetValue<string>();
        await this.host.WaitForStageAsync(caseId, "clearanceSubmitted");
        return arn;
    }

    private Task Expect(HttpStatusCode status, HttpMethod method, string path, string key, JsonNode body) => this.host.ExpectAsync(status, method, path, key, body);

    private async Task WaitForSmsAsync(string caseId, string templatePrefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!this.host.Sms.Sent.Any(s => s.CaseId?.Value == caseId && s.Message.TemplateId.StartsWith(templatePrefix, StringComparison.Ordinal)))
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
