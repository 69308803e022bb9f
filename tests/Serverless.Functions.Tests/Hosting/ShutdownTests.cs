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
        // A grace period long enough that the held request is never cancelled while the test waits for the refusal.
        var host = await TestHost.StartAsync(
            _azurite, [typeof(SlowFunctions)], b => b.Services.AddSingleton(gate), new Dictionary<string, string?> { ["Host:ShutdownGracePeriod"] = "00:02:00" });
        var running = host.Client.PostAsync("/api/slow", null);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // The slow request stays in flight until released, so the refusal is seen while it runs, however long the
        // host takes to stop listening on a busy machine (a fixed pause could end before it has).
        var stopping = host.App.StopAsync();
        var refused = await RefusedAsync(host.Client.BaseAddress!);
        gate.Released.TrySetResult();

        var response = await running;
        await stopping;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<HttpRequestException>(refused);
        await host.App.DisposeAsync();
    }

    /// <summary>Sends new requests (on new connections) until one is refused; gives up after a generous deadline.</summary>
    private static async Task<Exception> RefusedAsync(Uri baseAddress)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var late = new HttpClient { BaseAddress = baseAddress };

            // A GET on the POST-only route answers at once while the host still listens; it never waits on the gate.
            var refused = await Record.ExceptionAsync(async () => (await late.GetAsync("/api/slow")).Dispose());
            if (refused is not null)
            {
                return refused;
            }

            Assert.True(DateTime.UtcNow < deadline, "The stopping host kept accepting new requests.");
            await Task.Delay(50);
        }
    }
}
