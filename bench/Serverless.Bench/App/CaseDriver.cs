using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Serverless.Bench.App;

/// <summary>
/// Drives one case through the whole process over HTTP, as the CSC, verifier, medical centre, insurer and PoE
/// officer would, waiting for each stage change by polling <c>GET /api/cases/{id}</c> (timed as <c>poll</c>).
/// </summary>
internal sealed class CaseDriver(AppClient client, DemoKeys keys, CallStats stats, TimeSpan pollInterval, TimeSpan stageTimeout)
{
    /// <summary>Warm-up cases take passports and mobiles of their own series, so the measured cases are all new.</summary>
    public bool WarmUp { get; init; }

    /// <summary>Called with each case id and mobile once registered, so status queries can target live cases.</summary>
    public event Action<string, string>? Registered;

    /// <summary>Runs case <paramref name="n"/> to cleared; throws with the call that went wrong.</summary>
    public async Task RunAsync(int n)
    {
        string mobile = Applicants.Mobile(this.WarmUp ? '8' : '9', n);
        var (status, body) = await client.PostJsonAsync(stats, "register", "/api/cases", keys.Csc, Applicants.Body(Applicants.Passport(this.WarmUp ? 'W' : 'B', n), mobile), HttpStatusCode.Accepted);
        Expect(status, HttpStatusCode.Accepted, "register", body);
        string caseId = body!["caseId"]!.GetValue<string>();
        this.Registered?.Invoke(caseId, mobile);

        foreach (string type in Applicants.Documents)
        {
            (status, body) = await client.SendAsync(stats, "upload document", HttpMethod.Put, $"/api/cases/{caseId}/documents/{type}" + Applicants.UploadQuery(type), keys.Csc, Applicants.Pdf(), HttpStatusCode.Created);
            Expect(status, HttpStatusCode.Created, "upload " + type, body);
        }

        // The verifier reviews once the orchestration has opened the documents stage (uploads are taken from registration on).
        await this.WaitForStageAsync(caseId, "awaitingDocuments");
        foreach (string type in Applicants.Documents)
        {
            await this.PostAsync("review (approve)", $"/api/cases/{caseId}/documents/{type}/review", keys.Verifier, new JsonObject { ["decision"] = "approve" }, HttpStatusCode.OK);
        }

        await this.WaitForStageAsync(caseId, "documentsVerified");

        DateOnly date = await this.BookAsync(caseId, n);
        await this.WaitForStageAsync(caseId, "medicalBooked");
        await this.PostAsync("medical result (fit)", $"/api/cases/{caseId}/medical/result", keys.Medical, new JsonObject { ["result"] = "fit", ["certificateRef"] = $"CERT-{n}-{date:yyyyMMdd}" }, HttpStatusCode.OK);
        await this.WaitForStageAsync(caseId, "medicalFit");

        await this.PostAsync("insurance request", $"/api/cases/{caseId}/insurance/request", keys.Csc, new JsonObject { ["insurerId"] = keys.InsurerId, ["years"] = 2 }, HttpStatusCode.Accepted);
        await this.WaitForStageAsync(caseId, "insuranceRequested");
        DateOnly departure = Applicants.Today.AddDays(Applicants.DepartureInDays);
        await this.PostAsync("insurance policy", $"/api/cases/{caseId}/insurance/policy", keys.Insurer, new JsonObject
        {
            ["policyNumber"] = $"PBBY/BENCH/{n}",
            ["startDate"] = Day(departure),
            ["endDate"] = Day(departure.AddYears(2)),
            ["premium"] = 275,
        }, HttpStatusCode.OK);
        await this.WaitForStageAsync(caseId, "insured");

        await this.PostAsync("clearance submit", $"/api/cases/{caseId}/clearance/submit", keys.Csc, new JsonObject(), HttpStatusCode.Accepted);
        await this.WaitForStageAsync(caseId, "clearanceSubmitted");
        await this.PostAsync("clearance decision (grant)", $"/api/cases/{caseId}/clearance/decision", keys.Poe, new JsonObject { ["decision"] = "grant", ["ecNumber"] = $"EC/BENCH/{n}" }, HttpStatusCode.OK);
        await this.WaitForStageAsync(caseId, "cleared");
    }

    /// <summary>Lists the centres of the demo centre's city for a day, books the first day it has room; a full day (409) moves to the next.</summary>
    private async Task<DateOnly> BookAsync(string caseId, int n)
    {
        // Spread the cases over days so most bookings find room, as CSCs would.
        DateOnly date = Applicants.Today.AddDays(2 + (n % 20));
        for (int attempt = 0; attempt < 30; attempt++, date = date.AddDays(1))
        {
            var (status, body) = await client.SendAsync(stats, "list medical centres", HttpMethod.Get, $"/api/medical-centres?city=Mumbai&date={Day(date)}", keys.Csc);
            Expect(status, HttpStatusCode.OK, "list medical centres", body);
            JsonNode? centre = body!["centres"]!.AsArray().FirstOrDefault(c => c!["id"]!.GetValue<string>() == keys.MedicalCentreId);
            if (centre is null || centre["freeSlots"]!.GetValue<int>() <= 0)
            {
                continue;
            }

            (status, body) = await client.PostJsonAsync(stats, "medical booking", $"/api/cases/{caseId}/medical/booking", keys.Csc, new JsonObject { ["centreId"] = keys.MedicalCentreId, ["date"] = Day(date) }, HttpStatusCode.Created);
            if (status == HttpStatusCode.Created)
            {
                return date;
            }

            Expect(status, HttpStatusCode.Conflict, "medical booking", body);
        }

        throw new InvalidOperationException($"No free slot at {keys.MedicalCentreId} in 30 days.");
    }

    private async Task PostAsync(string call, string path, string key, JsonNode body, HttpStatusCode expected)
    {
        var (status, answer) = await client.PostJsonAsync(stats, call, path, key, body, expected);
        Expect(status, expected, call, answer);
    }

    /// <summary>Polls the case until it reaches the stage; the time from the first poll to the stage is timed as <c>wait → stage</c>.</summary>
    private async Task WaitForStageAsync(string caseId, string stage)
    {
        long start = Stopwatch.GetTimestamp();
        string seen = "";
        while (Stopwatch.GetElapsedTime(start) < stageTimeout)
        {
            var (status, body) = await client.SendAsync(stats, "poll (GET case)", HttpMethod.Get, $"/api/cases/{caseId}", keys.Csc);
            Expect(status, HttpStatusCode.OK, "poll", body);
            seen = body!["stage"]!.GetValue<string>();
            if (seen == stage)
            {
                stats.Record("wait → " + stage, Stopwatch.GetTimestamp() - start, ok: true);
                return;
            }

            await Task.Delay(pollInterval);
        }

        stats.Record("wait → " + stage, Stopwatch.GetTimestamp() - start, ok: false);
        throw new TimeoutException($"Case {caseId} stayed at {seen} for {stageTimeout.TotalSeconds:0} s instead of reaching {stage}.");
    }

    private static void Expect(HttpStatusCode status, HttpStatusCode expected, string call, JsonNode? body)
    {
        if (status != expected)
        {
            throw new InvalidOperationException($"{call}: {(int)status} {body?.ToJsonString()}");
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
