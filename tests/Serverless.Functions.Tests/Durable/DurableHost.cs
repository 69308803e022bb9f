using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Keys;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Durable;

/// <summary>A host with the durable test functions and a csc-operator and an admin key.</summary>
internal sealed class DurableHost : IAsyncDisposable
{
    private DurableHost(TestHost host, string csc, string admin)
    {
        Host = host;
        CscKey = csc;
        AdminKey = admin;
    }

    public TestHost Host { get; }

    public string CscKey { get; }

    public string AdminKey { get; }

    public ActivityLog Log => Host.Services.GetRequiredService<ActivityLog>();

    public static async Task<DurableHost> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, ActivityLog? log = null)
    {
        var host = await TestHost.StartAsync(azurite, [typeof(DurableFunctions)], b => b.Services.AddSingleton(log ?? new ActivityLog()), settings);
        var commands = host.Services.GetRequiredService<FunctionKeyCommands>();
        async Task<string> KeyAsync(params string[] args)
        {
            var output = new StringWriter();
            Assert.Equal(0, await commands.RunAsync(args, output, TextWriter.Null, default));
            return output.ToString().Trim();
        }

        return new DurableHost(host, await KeyAsync("create", "--role", "csc-operator", "--org", "CSC-1"), await KeyAsync("create", "--role", "admin"));
    }

    public async Task<JsonElement> StartGreetingAsync(GreetingRequest request)
    {
        using var message = Host.Request(HttpMethod.Post, "/api/greetings", CscKey);
        message.Content = JsonContent.Create(request);
        var response = await Host.Client.SendAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> AdminAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        var message = Host.Request(method, url, AdminKey);
        message.Content = content;
        return Host.Client.SendAsync(message);
    }

    public async Task<JsonElement> WaitForStatusAsync(string statusUrl, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var body = await (await AdminAsync(HttpMethod.Get, statusUrl)).Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("runtimeStatus").GetString() == status)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Instance never reached {status}: {body}");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
