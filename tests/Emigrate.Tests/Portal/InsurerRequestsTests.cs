using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

public sealed class InsurerRequestsTests(AzuriteFixture azurite) : PortalTest(azurite)
{
    [Fact]
    public async Task An_insurer_lists_the_cases_waiting_for_its_policy_until_it_posts_the_policy()
    {
        string caseId = await this.Host.RegisterAsync("I7171717");
        await this.Host.DocumentsApprovedAsync(caseId);
        await this.Host.FitAsync(caseId);
        Assert.DoesNotContain(caseId, await this.ListAsync(PortalHost.InsurerKey, "ins-sagar"));

        await this.Host.InsuranceRequestedAsync(caseId);

        await this.UntilListedAsync(caseId, listed: true);
        Assert.DoesNotContain(caseId, await this.ListAsync(PortalHost.OtherInsurerKey, "ins-kaveri"));

        await this.Host.InsuredAsync(caseId);
        await this.UntilListedAsync(caseId, listed: false);
    }

    /// <summary>Reads ins-sagar's list until it shows (or no longer shows) the case: lists follow the case row a few requests later.</summary>
    private async Task UntilListedAsync(string caseId, bool listed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while ((await this.ListAsync(PortalHost.InsurerKey, "ins-sagar")).Contains(caseId) != listed)
        {
            Assert.False(timeout.IsCancellationRequested, $"Case {caseId} is {(listed ? "not yet" : "still")} on the insurer's list.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Another_insurer_s_list_answers_404_exactly_like_an_unknown_insurer()
    {
        using var foreign = await this.Host.SendAsync(HttpMethod.Get, "/api/insurers/ins-sagar/requests", PortalHost.OtherInsurerKey);
        using var unknown = await this.Host.SendAsync(HttpMethod.Get, "/api/insurers/ins-nowhere/requests", PortalHost.OtherInsurerKey);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType!.MediaType);
        var a = (await foreign.Content.ReadFromJsonAsync<JsonObject>())!;
        var b = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(b["detail"]!.GetValue<string>(), a["detail"]!.GetValue<string>());
    }

    private async Task<List<string>> ListAsync(string key, string insurerId)
    {
        using var response = await this.Host.SendAsync(HttpMethod.Get, $"/api/insurers/{insurerId}/requests", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()).ToList();
    }
}
