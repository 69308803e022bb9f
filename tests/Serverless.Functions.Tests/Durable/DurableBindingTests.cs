using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Durable;

[Collection(HostCollection.Name)]
public sealed class DurableBindingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;

    private DurableHost _host = null!;

    public async Task InitializeAsync() => _host = await DurableHost.StartAsync(_azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_http_function_starts_an_orchestration_and_answers_202_with_the_management_urls()
    {
        using var message = _host.Host.Request(HttpMethod.Post, "/api/greetings", _host.CscKey);
        message.Content = JsonContent.Create(new GreetingRequest("Meena", false));

        var response = await _host.Host.Client.SendAsync(message);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = payload.GetProperty("id").GetString()!;
        var status = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(status, response.Headers.Location!.ToString());
        Assert.EndsWith($"/runtime/webhooks/durabletask/instances/{id}", status, StringComparison.Ordinal);
        Assert.EndsWith($"/instances/{id}/raiseEvent/{{eventName}}", payload.GetProperty("sendEventPostUri").GetString(), StringComparison.Ordinal);
        Assert.Contains($"/instances/{id}/terminate", payload.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(status, payload.GetProperty("purgeHistoryDeleteUri").GetString());
    }

    [Fact]
    public async Task Orchestrator_and_activity_functions_run_in_the_engine_under_their_function_names()
    {
        var payload = await _host.StartGreetingAsync(new GreetingRequest("Meena", false));

        var status = await _host.WaitForStatusAsync(payload.GetProperty("statusQueryGetUri").GetString()!, "Completed");

        Assert.Equal("Greeting", status.GetProperty("name").GetString());
        Assert.Equal("Hello Meena from SayHello", status.GetProperty("output").GetString());
        Assert.Equal("Meena", status.GetProperty("input").GetProperty("name").GetString());
        Assert.Equal("greeting", status.GetProperty("customStatus").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task The_status_url_needs_an_admin_key()
    {
        var payload = await _host.StartGreetingAsync(new GreetingRequest("Meena", false));
        var url = payload.GetProperty("statusQueryGetUri").GetString()!;

        await ProblemAssert.IsProblemAsync(await _host.Host.Client.GetAsync(url), HttpStatusCode.Unauthorized);
        using var asCsc = _host.Host.Request(HttpMethod.Get, url, _host.CscKey);
        await ProblemAssert.IsProblemAsync(await _host.Host.Client.SendAsync(asCsc), HttpStatusCode.Forbidden);
    }
}
