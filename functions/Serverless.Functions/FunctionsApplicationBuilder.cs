using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Serverless.Functions.Hosting;
using Serverless.Functions.Invocation;

namespace Serverless.Functions;

/// <summary>Builds a function app on ASP.NET Core: configuration from <c>host.json</c>, <c>local.settings.json</c> and the environment, and the app's services.</summary>
/// <remarks>
/// Configuration, lowest priority first: <c>host.json</c> (under <c>AzureFunctionsJobHost:</c>), <c>local.settings.json</c>
/// (<c>Values</c>, <c>Host</c>, <c>ConnectionStrings</c>), <see cref="FunctionsApplicationOptions.Settings"/>, then
/// ASP.NET Core's usual sources (appsettings, environment variables, command line).
/// </remarks>
public sealed class FunctionsApplicationBuilder : IHostApplicationBuilder
{
    private readonly WebApplicationBuilder _web;
    private bool _functionsConfigured;

    internal FunctionsApplicationBuilder(FunctionsApplicationOptions options)
    {
        Command = HostCommand.Parse(options.Args);
        AppRootPath = options.AppRoot ?? AppRoot.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var localSettings = options.UseLocalSettings && AppRootPath is not null ? LocalSettings.EnsureCreated(AppRootPath) : null;
        if (localSettings is not null)
        {
            LocalSettings.ExportToEnvironment(localSettings);
        }

        _web = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = Command.IsServe ? [.. Command.Arguments] : [],
            EnvironmentName = options.EnvironmentName ?? (localSettings is not null && DefaultEnvironmentUnset() ? Environments.Development : null),
            ApplicationName = Assembly.GetEntryAssembly()?.GetName().Name,
        });

        // Lowest priority first, below everything WebApplication.CreateBuilder added.
        var sources = new List<IConfigurationSource> { Memory(HostDefaults) };
        if (AppRootPath is not null && File.Exists(Path.Combine(AppRootPath, AppRoot.HostJson)))
        {
            sources.Add(Memory(HostJsonConfiguration.Read(Path.Combine(AppRootPath, AppRoot.HostJson))));
        }

        if (localSettings is not null)
        {
            sources.Add(Memory(LocalSettings.Read(localSettings)));
        }

        sources.Add(Memory(options.Settings));
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            _web.Configuration.Sources.Insert(0, sources[i]);
        }

        if (!Command.IsServe)
        {
            // A command's answer is its standard output (e.g. a new key alone); logs go to standard error.
            _web.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }

    /// <summary>The folder holding <c>host.json</c>, or <see langword="null"/> when none was found.</summary>
    public string? AppRootPath { get; }

    internal HostCommand Command { get; }

    /// <summary>The underlying ASP.NET Core builder, for anything not exposed here (Kestrel, web host settings).</summary>
    public WebApplicationBuilder WebApplication => _web;

    /// <inheritdoc />
    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_web).Properties;

    /// <inheritdoc />
    public IConfigurationManager Configuration => _web.Configuration;

    /// <inheritdoc />
    public IHostEnvironment Environment => _web.Environment;

    /// <inheritdoc />
    public ILoggingBuilder Logging => _web.Logging;

    /// <inheritdoc />
    public IMetricsBuilder Metrics => _web.Metrics;

    /// <inheritdoc />
    public IServiceCollection Services => _web.Services;

    /// <inheritdoc />
    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull =>
        ((IHostApplicationBuilder)_web).ConfigureContainer(factory, configure);

    /// <summary>Registers the function host: discovery, HTTP triggers on ASP.NET Core, keys, timers, health and OpenAPI.</summary>
    /// <remarks>Named after the worker's ASP.NET Core integration; call it once, before <see cref="Build"/>.</remarks>
    public FunctionsApplicationBuilder ConfigureFunctionsWebApplication()
    {
        if (!_functionsConfigured)
        {
            _functionsConfigured = true;
            _web.AddFunctionsHost(AppRootPath);
        }

        return this;
    }

    /// <summary>Discovers functions in <paramref name="assembly"/>. Without this or <see cref="AddFunctions"/>, the entry assembly is searched.</summary>
    public FunctionsApplicationBuilder AddFunctionsFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Services.Configure<FunctionDiscoveryOptions>(o => o.Assemblies.Add(assembly));
        return this;
    }

    /// <summary>Discovers functions in the given classes only (tests use this). Without this or <see cref="AddFunctionsFrom"/>, the entry assembly is searched.</summary>
    public FunctionsApplicationBuilder AddFunctions(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        Services.Configure<FunctionDiscoveryOptions>(o => o.Types.AddRange(types));
        return this;
    }

    /// <summary>Builds the app, discovering its functions: a function that cannot be bound fails here, naming its method.</summary>
    public FunctionsApp Build()
    {
        ConfigureFunctionsWebApplication();
        var app = _web.Build();
        return new FunctionsApp(app, Command);
    }

    /// <summary>
    /// Defaults under every other source: ASP.NET Core's own request logs (Information) carry full URLs with query
    /// strings, where keys (<c>code=</c>) and personal data travel, so they stay at Warning unless asked for.
    /// </summary>
    private static readonly Dictionary<string, string?> HostDefaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    private static bool DefaultEnvironmentUnset() =>
        System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null
        && System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null;

    private static Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource Memory(IEnumerable<KeyValuePair<string, string?>> values) =>
        new() { InitialData = values.ToList() };
}
