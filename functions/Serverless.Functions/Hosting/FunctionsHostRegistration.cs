using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Serverless.Functions.Durable;
using Serverless.Functions.Http;
using Serverless.Functions.Invocation;
using Serverless.Functions.Keys;
using Serverless.Functions.Local;
using Serverless.Functions.Operations;
using Serverless.Functions.Timers;

namespace Serverless.Functions.Hosting;

/// <summary>Registers the function host's services on an ASP.NET Core builder.</summary>
internal static class FunctionsHostRegistration
{
    public static void AddFunctionsHost(this WebApplicationBuilder builder, string? appRoot)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostOptions(configuration, appRoot);
        services.AddInvocation();
        services.AddHttpFunctions(configuration);
        services.AddFunctionKeys(configuration);
        services.AddDurableFunctions(configuration);
        services.AddTimers(configuration);
        services.AddStorageClients();
        services.AddOperations();

        // Azurite must answer before any other hosted service touches storage, so it starts first.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AzuriteLauncher>());
        services.TryAddSingleton<LocalStorage>();
        builder.WebHost.ConfigureKestrel((context, kestrel) => KestrelBinding.Listen(kestrel, context.Configuration));
    }

    private static void AddHostOptions(this IServiceCollection services, IConfiguration configuration, string? appRoot)
    {
        services.AddOptions<FunctionHostOptions>().Bind(configuration.GetSection(FunctionHostOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.ListenAddress is "localhost" or "*" || IPAddress.TryParse(o.ListenAddress, out _), "Host:ListenAddress must be an IP address, 'localhost' or '*'.")
            .ValidateOnStart();
        services.AddOptions<LocalStorageOptions>().Configure(o => o.AppRoot ??= appRoot);
        services.AddOptions<HostOptions>().Configure<IOptions<FunctionHostOptions>>((host, functions) =>
        {
            // HTTP, timers and the durable worker drain side by side within one grace period; Azurite is
            // ended only when the container is disposed, after all of them.
            host.ShutdownTimeout = functions.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5);
            host.ServicesStopConcurrently = true;
        });
    }

    private static void AddInvocation(this IServiceCollection services)
    {
        services.AddOptions<FunctionDiscoveryOptions>();
        services.TryAddSingleton<FunctionIndexer>();
        services.TryAddSingleton<FunctionCatalog>();
        services.TryAddSingleton<FunctionExecutor>();
        services.TryAddSingleton<FunctionMetrics>();
        services.TryAddSingleton<FunctionHostLifetime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IParameterBinder, CommonParameterBinder>());
    }

    private static void AddOperations(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<DurableEngineHealthCheck>("durable");
        // Scopes carry the invocation id. A formatter must be named, or the console logger copies its legacy
        // options (scopes off) over the formatter's.
        services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
    }
}
