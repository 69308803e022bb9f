using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Hosting;

[Collection(HostCollection.Name)]
public sealed class ShutdownTests(AzuriteFixture azurite)
{
    private readonly AzuriteFixture _azurite = azurite;

    [Fact]
    public async Task A_request_running_when_shutdown_begins_finishes_and_new_requests_are_refused()
    {
        var gate = new SlowRequestGate();
        var host = await TestHost.StartAsync(_azurite, [typeof(SlowFunctions)], b => b.Services.AddSingleton(gate));
        var running = host.Client.PostAsync("/api/slow", null);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopping = host.App.StopAsync();
        await Task.Delay(300);
        using var late = new HttpClient { BaseAddress = host.Client.BaseAddress };
        var refused = await Record.ExceptionAsync(() => late.PostAsync("/api/slow", null));

        var response = await running;
        await stopping;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<HttpRequestException>(refused);
        await host.App.DisposeAsync();
    }
}
