using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Hosting;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Support;

/// <summary>A real host on Kestrel, 127.0.0.1 and a free port, with only the given function classes, and a client for it.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(FunctionsApp app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public FunctionsApp App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestHost> StartAsync(
        AzuriteFixture azurite,
        Type[] functions,
        Action<FunctionsApplicationBuilder>? configure = null,
        IDictionary<string, string?>? settings = null,
        string? hostJson = null,
        string environment = "Production")
    {
        var all = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = Build(functions, configure, all, hostJson, environment);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = app.Addresses[0], Timeout = TimeSpan.FromSeconds(30) };
        return new TestHost(app, client);
    }

    public static FunctionsApp Build(
        Type[] functions,
        Action<FunctionsApplicationBuilder>? configure = null,
        IDictionary<string, string?>? settings = null,
        string? hostJson = null,
        string environment = "Production")
    {
        var root = Directory.CreateTempSubdirectory("functions-host-").FullName;
        if (hostJson is not null)
        {
            File.WriteAllText(Path.Combine(root, "host.json"), hostJson);
        }

        var options = new FunctionsApplicationOptions { AppRoot = root, UseLocalSettings = false, EnvironmentName = environment };
        options.Settings["Host:LocalHttpPort"] = "0";
        options.Settings["Host:StartAzurite"] = "false";
        options.Settings["Host:ShutdownGracePeriod"] = "00:00:10";
        options.Settings["FunctionKeys:CacheDuration"] = "00:00:00";
        options.Settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";

        // Every host gets its own tables, so hosts of different tests never share keys or schedules.
        options.Settings["FunctionKeys:TableName"] = UniqueNames.Table("keys");
        options.Settings["Timers:TableName"] = UniqueNames.Table("timers");
        options.Settings["AzureFunctionsJobHost:extensions:durableTask:hubName"] = UniqueNames.Table("hub");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.Settings[key] = value;
        }

        var builder = FunctionsApplication.CreateBuilder(options);
        builder.AddFunctions(functions);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        return builder.Build();
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
