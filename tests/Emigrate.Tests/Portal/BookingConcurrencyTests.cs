using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

public sealed class BookingConcurrencyTests(AzuriteFixture azurite) : PortalTest(azurite)
{
    [Fact]
    public async Task Parallel_bookings_of_one_case_reserve_exactly_one_slot_and_the_others_answer_409()
    {
        string caseId = await this.Host.RegisterAsync("B5151515");
        await this.Host.DocumentsApprovedAsync(caseId);
        string day = PortalJourney.Day(4);
        int freeBefore = await this.FreeSlotsAsync(day);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            this.Host.PostJsonAsync($"/api/cases/{caseId}/medical/booking", PortalHost.CscKey, new JsonObject { ["centreId"] = "mc-mumbai-1", ["date"] = day })));

        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.Equal(freeBefore - 1, await this.FreeSlotsAsync(day));
        using var appointments = await this.Host.SendAsync(HttpMethod.Get, $"/api/medical-centres/mc-mumbai-1/appointments?date={day}", PortalHost.MedicalKey);
        var list = (await appointments.Content.ReadFromJsonAsync<JsonObject>())!["appointments"]!.AsArray();
        Assert.Single(list, a => a!["caseId"]!.GetValue<string>() == caseId);
        await this.Host.WaitForStageAsync(caseId, "medicalBooked");
    }

    private async Task<int> FreeSlotsAsync(string day)
    {
        using var response = await this.Host.SendAsync(HttpMethod.Get, $"/api/medical-centres?city=Mumbai&date={day}", PortalHost.CscKey);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["centres"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "mc-mumbai-1")!["freeSlots"]!.GetValue<int>();
    }
}
