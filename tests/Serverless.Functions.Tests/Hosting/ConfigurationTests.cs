using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Functions.Hosting;
using Serverless.Functions.Tests.Http;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Hosting;

[Collection(HostCollection.Name)]
public sealed class ConfigurationTests(AzuriteFixture azurite)
{
    private readonly AzuriteFixture _azurite = azurite;

    [Fact]
    public async Task The_route_prefix_comes_from_host_json()
    {
        const string hostJson = """{ "version": "2.0", "extensions": { "http": { "routePrefix": "v1" } } }""";
        await using var host = await TestHost.StartAsync(_azurite, [typeof(RoutingFunctions)], b => b.Services.AddSingleton<Greeter>(), hostJson: hostJson);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/v1/greet/Ravi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/greet/Ravi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/v1/health")).StatusCode);
    }

    [Fact]
    public void Host_json_settings_appear_under_AzureFunctionsJobHost_and_log_levels_under_Logging()
    {
        const string hostJson = """
            { "version": "2.0",
              "logging": { "logLevel": { "default": "Warning", "Serverless.Storage": "Error" } },
              "extensions": { "durableTask": { "maxConcurrentActivityFunctions": 3 } } }
            """;
        using var app = TestHost.Build([], hostJson: hostJson);
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("3", configuration["AzureFunctionsJobHost:extensions:durableTask:maxConcurrentActivityFunctions"]);
        Assert.Equal("Warning", configuration["Logging:LogLevel:Default"]);
        Assert.Equal("Error", configuration["Logging:LogLevel:Serverless.Storage"]);
    }

    [Fact]
    public void Local_settings_are_created_from_the_sample_and_their_values_become_configuration_below_the_environment()
    {
        var root = Directory.CreateTempSubdirectory("functions-settings-").FullName;
        File.WriteAllText(Path.Combine(root, "host.json"), """{ "version": "2.0" }""");
        File.WriteAllText(Path.Combine(root, "local.settings.sample.json"), """
            { "IsEncrypted": false,
              "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Sample__Nested": "from-file", "ConfigTest_Override": "from-file" },
              "Host": { "LocalHttpPort": 7099 } }
            """);
        Environment.SetEnvironmentVariable("ConfigTest_Override", "from-environment");
        try
        {
            var builder = FunctionsApplication.CreateBuilder(new FunctionsApplicationOptions { AppRoot = root });

            Assert.True(File.Exists(Path.Combine(root, "local.settings.json")));
            Assert.Equal("from-file", builder.Configuration["Sample:Nested"]);
            Assert.Equal("from-environment", builder.Configuration["ConfigTest_Override"]);
            Assert.Equal("7099", builder.Configuration["Host:LocalHttpPort"]);
            Assert.Equal("UseDevelopmentStorage=true", Environment.GetEnvironmentVariable("AzureWebJobsStorage"));
            Assert.Equal("Development", builder.Environment.EnvironmentName);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConfigTest_Override", null);
            Environment.SetEnvironmentVariable("AzureWebJobsStorage", null);
            Environment.SetEnvironmentVariable("Sample__Nested", null);
        }
    }

    [Fact]
    public void Without_host_json_aspnet_core_request_logs_which_carry_query_strings_stay_at_warning()
    {
        using var app = TestHost.Build([]);

        Assert.Equal("Warning", app.Services.GetRequiredService<IConfiguration>()["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [Fact]
    public void The_host_listens_on_loopback_port_7071_by_default()
    {
        var options = new FunctionHostOptions();

        Assert.Equal(("127.0.0.1", 7071), (options.ListenAddress, options.LocalHttpPort));
    }

    [Theory]
    [InlineData(new string[0], "serve", false)]
    [InlineData(new[] { "--reset-local-data" }, "serve", true)]
    [InlineData(new[] { "reset" }, "reset", true)]
    [InlineData(new[] { "keys", "create", "--role", "admin" }, "keys", false)]
    [InlineData(new[] { "import", "--file", "camp.csv" }, "import", false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, "serve", false)]
    public void The_command_line_chooses_serving_a_verb_or_a_reset(string[] args, string verb, bool reset)
    {
        var command = HostCommand.Parse(args);

        Assert.Equal((verb, reset), (command.Verb, command.ResetLocalData));
    }

    [Fact]
    public async Task Invalid_host_settings_fail_at_start_up()
    {
        var error = await Record.ExceptionAsync(() =>
            TestHost.StartAsync(_azurite, [], settings: new Dictionary<string, string?> { ["Host:ShutdownGracePeriod"] = "-00:00:01" }));

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("ShutdownGracePeriod", error.Message, StringComparison.Ordinal);
    }
}
