using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Durable;

[Collection(HostCollection.Name)]
public sealed class ManagementApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;

    private const string Instances = "/runtime/webhooks/durabletask/instances";
    private DurableHost _host = null!;

    public async Task InitializeAsync() => _host = await DurableHost.StartAsync(_azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_running_instance_answers_202_and_its_history_on_request()
    {
        var url = await StartWaitingAsync();

        var response = await _host.AdminAsync(HttpMethod.Get, url + "?showHistory=true");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Running", status.GetProperty("runtimeStatus").GetString());
        var types = status.GetProperty("historyEvents").EnumerateArray().Select(e => e.GetProperty("$type").GetString()).ToList();
        Assert.Contains("executionStarted", types);
        Assert.Contains("taskCompleted", types);
    }

    [Fact]
    public async Task Raising_an_event_lets_a_waiting_instance_complete()
    {
        var url = await StartWaitingAsync();

        var raised = await _host.AdminAsync(HttpMethod.Post, url + "/raiseEvent/Approve", JsonContent.Create("Officer Rao"));

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var status = await _host.WaitForStatusAsync(url, "Completed");
        Assert.Equal("Hello Meena from SayHello, approved by Officer Rao", status.GetProperty("output").GetString());
        await ProblemAssert.IsProblemAsync(await _host.AdminAsync(HttpMethod.Post, url + "/raiseEvent/Approve", JsonContent.Create("late")), HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Suspend_resume_and_terminate_change_the_runtime_status()
    {
        var url = await StartWaitingAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await _host.AdminAsync(HttpMethod.Post, url + "/suspend?reason=check")).StatusCode);
        await _host.WaitForStatusAsync(url, "Suspended");
        Assert.Equal(HttpStatusCode.Accepted, (await _host.AdminAsync(HttpMethod.Post, url + "/resume?reason=ok")).StatusCode);
        await _host.WaitForStatusAsync(url, "Running");
        Assert.Equal(HttpStatusCode.Accepted, (await _host.AdminAsync(HttpMethod.Post, url + "/terminate?reason=duplicate")).StatusCode);

        var status = await _host.WaitForStatusAsync(url, "Terminated");
        Assert.Equal(HttpStatusCode.OK, (await _host.AdminAsync(HttpMethod.Get, url)).StatusCode);
        Assert.Equal("Terminated", status.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task Purge_deletes_an_ended_instance_and_then_it_is_not_found()
    {
        var payload = await _host.StartGreetingAsync(new GreetingRequest("Meena", false));
        var url = payload.GetProperty("statusQueryGetUri").GetString()!;
        await _host.WaitForStatusAsync(url, "Completed");

        var purged = await _host.AdminAsync(HttpMethod.Delete, payload.GetProperty("purgeHistoryDeleteUri").GetString()!);

        Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        await ProblemAssert.IsProblemAsync(await _host.AdminAsync(HttpMethod.Get, url), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _host.AdminAsync(HttpMethod.Delete, url), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_filters_by_status_and_pages_with_a_continuation_token()
    {
        for (var i = 0; i < 3; i++)
        {
            await StartWaitingAsync();
        }

        var ids = new List<string>();
        string? token = null;
        do
        {
            using var request = _host.Host.Request(HttpMethod.Get, Instances + "?runtimeStatus=Running,Pending&top=1", _host.AdminKey);
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            var response = await _host.Host.Client.SendAsync(request);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(page.GetArrayLength() <= 1);
            ids.AddRange(page.EnumerateArray().Select(s => s.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null);

        Assert.Equal(3, ids.Distinct().Count());
        var completed = await (await _host.AdminAsync(HttpMethod.Get, Instances + "?runtimeStatus=Completed")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, completed.GetArrayLength());
    }

    [Fact]
    public async Task Bad_filters_and_unknown_instances_are_problem_details()
    {
        await ProblemAssert.IsProblemAsync(await _host.AdminAsync(HttpMethod.Get, Instances + "?runtimeStatus=Sleeping"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await _host.AdminAsync(HttpMethod.Get, Instances + "/no-such-instance"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _host.AdminAsync(HttpMethod.Post, Instances + "/no-such-instance/terminate"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_management_api_refuses_every_key_but_admin()
    {
        using var asCsc = _host.Host.Request(HttpMethod.Get, Instances, _host.CscKey);
        await ProblemAssert.IsProblemAsync(await _host.Host.Client.SendAsync(asCsc), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _host.Host.Client.DeleteAsync(Instances + "/x"), HttpStatusCode.Unauthorized);
    }

    private async Task<string> StartWaitingAsync()
    {
        var payload = await _host.StartGreetingAsync(new GreetingRequest("Meena", true));
        var url = payload.GetProperty("statusQueryGetUri").GetString()!;

        // Wait until the activity has completed and the orchestrator waits for its event.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = await (await _host.AdminAsync(HttpMethod.Get, url + "?showHistory=true")).Content.ReadFromJsonAsync<JsonElement>();
            if (status.GetProperty("historyEvents").EnumerateArray().Any(e => e.GetProperty("$type").GetString() == "taskCompleted"))
            {
                return url;
            }

            Assert.True(DateTime.UtcNow < deadline, "The activity never completed.");
            await Task.Delay(100);
        }
    }
}
