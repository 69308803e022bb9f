using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emigrate.Functions.Portal;
using Emigrate.Orchestrations;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Client;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>A registration whose orchestration did not start is repaired by re-submitting it; no case stays dead.</summary>
public sealed class RegistrationRepairTests(AzuriteFixture azurite) : PortalTest(azurite, services => services.AddSingleton<ICaseStarter, FailingOnceStarter>())
{
    [Fact]
    public async Task A_failed_start_answers_503_and_resubmission_starts_the_same_case()
    {
        using var first = await this.Host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant("R6161616"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType!.MediaType);
        string caseId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();
        Assert.Equal("registered", (await this.Host.GetCaseAsync(caseId))["stage"]!.GetValue<string>());

        using var again = await this.Host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant("R6161616"));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(caseId, (await again.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>());
        await this.Host.WaitForStageAsync(caseId, "awaitingDocuments");

        // Now it runs: a third submission is the usual duplicate.
        using var third = await this.Host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant("R6161616"));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(caseId, (await third.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_csc_submitting_the_passport_repairs_the_case_but_gets_409_with_its_id()
    {
        using var first = await this.Host.PostJsonAsync("/api/cases", PortalHost.CscKey, PortalHost.Applicant("R6262626"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        string caseId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>();

        using var other = await this.Host.PostJsonAsync("/api/cases", PortalHost.OtherCscKey, PortalHost.Applicant("R6262626"));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(caseId, (await other.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!.GetValue<string>());
        await this.Host.WaitForStageAsync(caseId, "awaitingDocuments");
    }

    /// <summary>Fails the first start of each case, then starts for real.</summary>
    private sealed class FailingOnceStarter : ICaseStarter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> failed = new();

        public Task StartAsync(DurableTaskClient client, CaseStart start, CancellationToken cancellationToken) =>
            this.failed.TryAdd(start.CaseId, true)
                ? throw new InvalidOperationException("Injected: the task hub did not answer.")
                : new DurableCaseStarter().StartAsync(client, start, cancellationToken);
    }
}
