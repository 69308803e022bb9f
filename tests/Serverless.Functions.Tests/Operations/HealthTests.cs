using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Serverless.Functions.Tests.Support;
using Serverless.Storage;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Operations;

[Collection(HostCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_is_anonymous_and_reports_storage_and_the_engine()
    {
        await using var host = await TestHost.StartAsync(azurite, []);

        var response = await host.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("storage").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("durable").GetString());
    }

    [Fact]
    public async Task Unreachable_storage_makes_health_answer_503_problem_details_naming_the_check()
    {
        var closed = ClosedPort();
        var nowhere = new Uri($"http://127.0.0.1:{closed}/{StorageConnectionString.DevelopmentAccountName}");
        await using var host = await TestHost.StartAsync(azurite, [], settings: new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = StorageConnectionString.ForEmulator(nowhere, nowhere, nowhere),
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "InMemory",
        });

        var response = await host.Client.GetAsync("/api/health");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("storage", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Unhealthy", problem.GetProperty("checks").GetProperty("storage").GetString());

        // A key cannot be checked either: that is 503, not a 500 and not a 401 that would call a valid key wrong.
        using var keyed = host.Request(HttpMethod.Get, "/api/health", "some-key-the-host-cannot-look-up");
        await ProblemAssert.IsProblemAsync(await host.Client.SendAsync(keyed), HttpStatusCode.ServiceUnavailable);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
