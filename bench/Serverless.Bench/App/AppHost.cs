using System.Text.Json;
using Azure.Core;
using Emigrate;
using Emigrate.Functions.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Bench.Measurement;
using Serverless.Functions;
using Serverless.Functions.Hosting;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Bench.App;

/// <summary>
/// One Emigrate host in this process, as <c>dotnet run --project functions/Emigrate</c> builds it (the app's own
/// registration, <c>host.json</c>, the demo settings and keys of <c>local.settings.sample.json</c>), on a free
/// loopback port and the given storage account, with the durable engine on its Azure Storage backend.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    private AppHost(FunctionsApp app, Uri baseAddress, IReadOnlyDictionary<string, string?> settings, RequestCounter tableRequests)
    {
        this.TableRequests = tableRequests;
        this.App = app;
        this.BaseAddress = baseAddress;
        this.Settings = settings;
    }

    public FunctionsApp App { get; }

    public Uri BaseAddress { get; }

    /// <summary>Every request the app's own table client sends (the engine has its own clients and is not counted).</summary>
    public RequestCounter TableRequests { get; }

    /// <summary>The demo settings the host runs with (keys, webhook secret).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<AppHost> StartAsync(string connectionString)
    {
        var options = new FunctionsApplicationOptions { AppRoot = RepositoryRoot.Path, UseLocalSettings = false, EnvironmentName = "Development" };
        foreach ((string key, string? value) in SampleValues())
        {
            options.Settings[key] = value;
        }

        options.Settings["AzureWebJobsStorage"] = connectionString;
        options.Settings["Host:LocalHttpPort"] = "0";
        options.Settings["Host:StartAzurite"] = "false";
        options.Settings["Host:ShutdownGracePeriod"] = "00:00:05";

        // The bench prints its own table; the app's Information logs would bury it.
        options.Settings["Logging:LogLevel:Default"] = "Warning";
        var builder = FunctionsApplication.CreateBuilder(options);

        // The host registers its table client with TryAdd: this one, the same but counted, is used instead.
        var tableRequests = new RequestCounter();
        var tableOptions = new StorageClientOptions();
        tableOptions.AddPolicy(tableRequests, HttpPipelinePosition.PerRetry);
        builder.Services.AddSingleton(new TableServiceClient(connectionString, tableOptions));
        builder.ConfigureFunctionsWebApplication();
        builder.AddFunctionsFrom(typeof(RegisterCase).Assembly);
        builder.Services.AddEmigrate(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        FunctionsApp app = builder.Build();
        await app.StartAsync();
        return new AppHost(app, app.Addresses[0], new Dictionary<string, string?>(options.Settings, StringComparer.OrdinalIgnoreCase), tableRequests);
    }

    public T Service<T>()
        where T : notnull =>
        (T)(this.App.Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"The host has no {typeof(T).Name}."));

    /// <summary>The key of the demo role (from the sample settings), e.g. <c>csc-operator</c>.</summary>
    public string KeyOf(string role)
    {
        foreach ((string name, string? value) in this.Settings)
        {
            if (name.EndsWith(":Role", StringComparison.OrdinalIgnoreCase) && value == role
                && this.Settings.TryGetValue(name[..^":Role".Length] + ":Key", out string? key) && key is not null)
            {
                return key;
            }
        }

        throw new InvalidOperationException($"local.settings.sample.json has no demo key for {role}.");
    }

    /// <summary>The organisation of the demo role's key.</summary>
    public string OrgOf(string role)
    {
        foreach ((string name, string? value) in this.Settings)
        {
            if (name.EndsWith(":Role", StringComparison.OrdinalIgnoreCase) && value == role
                && this.Settings.TryGetValue(name[..^":Role".Length] + ":Org", out string? org) && org is not null)
            {
                return org;
            }
        }

        throw new InvalidOperationException($"local.settings.sample.json has no organisation for {role}.");
    }

    public async ValueTask DisposeAsync()
    {
        await this.App.StopAsync();
        await this.App.DisposeAsync();
    }

    // The demo keys and secrets live in the sample settings; reading them keeps the bench in step with the README.
    private static IEnumerable<KeyValuePair<string, string?>> SampleValues()
    {
        using JsonDocument sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        foreach (JsonProperty value in sample.RootElement.GetProperty("Values").EnumerateObject())
        {
            yield return new(value.Name, value.Value.GetString());
        }
    }
}
