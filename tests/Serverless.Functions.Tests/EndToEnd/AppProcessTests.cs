using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.EndToEnd;

[Collection(HostCollection.Name)]
public sealed class AppProcessTests(AzuriteFixture azurite)
{
    private readonly Dictionary<string, string> _environment = new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["FunctionKeys__TableName"] = UniqueNames.Table("keys"),
        ["Timers__TableName"] = UniqueNames.Table("timers"),
    };

    [Fact]
    public async Task Keys_created_on_the_command_line_authorise_calls_to_the_running_app_until_revoked()
    {
        var created = await HostProcess.RunCommandAsync(_environment, "keys", "create", "--role", "csc-operator", "--org", "CSC-0042");
        Assert.True(created.ExitCode == 0, created.Error);
        var key = Assert.Single(created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        await using var host = await HostProcess.StartAsync(_environment);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/whoami");
        Assert.Equal(("csc-operator", "CSC-0042"), (me.GetProperty("role").GetString(), me.GetProperty("organisationId").GetString()));

        var listed = await HostProcess.RunCommandAsync(_environment, "keys", "list");
        Assert.Contains("CSC-0042", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);
        var keyId = listed.Output.Split('\n').Single(l => l.Contains("CSC-0042", StringComparison.Ordinal)).Split(' ')[0];
        Assert.Equal(0, (await HostProcess.RunCommandAsync(_environment, "keys", "revoke", keyId)).ExitCode);

        // The host caches a key for 30 s by default; a new process sees the revocation at once.
        Assert.Equal(0, await host.TerminateAsync());
        await using var restarted = await HostProcess.StartAsync(_environment);
        using var again = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restarted.Port}") };
        again.DefaultRequestHeaders.Add("x-functions-key", key);
        await ProblemAssert.IsProblemAsync(await again.GetAsync("/api/whoami"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_app_logs_requests_without_query_strings_and_stops_cleanly_on_sigterm()
    {
        await using var host = await HostProcess.StartAsync(_environment);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };

        await client.GetAsync("/api/whoami?code=9876543210-not-a-key&mobile=9876543210");

        Assert.Equal(0, await host.TerminateAsync());
        Assert.Contains("HTTP GET /api/whoami answered 401", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543210", host.Output, StringComparison.Ordinal);
        Assert.Contains("Application is shutting down", host.Output, StringComparison.Ordinal);
    }
}
