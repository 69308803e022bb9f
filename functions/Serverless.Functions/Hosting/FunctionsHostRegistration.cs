using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
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

        services.AddOptions<FunctionHostOptions>().Bind(configuration.GetSection(FunctionHostOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.ListenAddress is "localhost" or "*" || IPAddress.TryParse(o.ListenAddress, out _), "Host:ListenAddress must be an IP address, 'localhost' or '*'.")
            .ValidateOnStart();
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FunctionKeysOptions>().Bind(configuration.GetSection(FunctionKeysOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TimerOptions>().Bind(configuration.GetSection(TimerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LocalStorageOptions>().Configure(o => o.AppRoot ??= appRoot);
        services.AddOptions<HostOptions>().Configure<IOptions<FunctionHostOptions>>((host, functions) =>
        {
            // HTTP, timers and the durable worker drain side by side within one grace period; Azurite is
            // ended only when the container is disposed, after all of them.
            host.ShutdownTimeout = functions.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5);
            host.ServicesStopConcurrently = true;
        });
        services.AddOptions<FunctionDiscoveryOptions>();

        // Invocation: discovery, binding, execution.
        services.TryAddSingleton<FunctionIndexer>();
        services.TryAddSingleton<FunctionCatalog>();
        services.TryAddSingleton<FunctionExecutor>();
        services.TryAddSingleton<FunctionHostLifetime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IParameterBinder, CommonParameterBinder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITriggerBinder, HttpTriggerBinder>());
        services.TryAddSingleton<TimerTriggerBinder>();
        services.AddSingleton<ITriggerBinder>(sp => sp.GetRequiredService<TimerTriggerBinder>());

        // HTTP: problem details for every error, IActionResult support, keys, OpenAPI.
        services.AddProblemDetails();
        services.AddExceptionHandler<FunctionExceptionHandler>();
        services.AddMvcCore();
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<FunctionKeySecurityTransformer>();
            openApi.AddOperationTransformer<FunctionKeySecurityTransformer>();
        });
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, FunctionApiDescriptionProvider>());
        services.AddAuthentication(FunctionKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, FunctionKeyAuthenticationHandler>(FunctionKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.TryAddSingleton<FunctionKeyValidator>();
        services.TryAddSingleton<IFunctionKeyStore, TableFunctionKeyStore>();
        services.TryAddSingleton<FunctionKeyCommands>();

        // The durable engine, its bindings and its management API.
        services.AddDurableFunctions(configuration);

        // Timers and operations.
        services.TryAddSingleton<IScheduleMonitor, TableScheduleMonitor>();
        services.AddHostedService<TimerScheduler>();
        services.AddStorageClients();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<DurableEngineHealthCheck>("durable");
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        // Authentication pulls in data protection; nothing here protects data (no cookies), so keep its keys in memory.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        // Azurite must answer before any other hosted service touches storage, so it starts first.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, AzuriteLauncher>());
        services.TryAddSingleton<LocalStorage>();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var host = context.Configuration.GetSection(FunctionHostOptions.Section).Get<FunctionHostOptions>() ?? new FunctionHostOptions();
            switch (host.ListenAddress)
            {
                case "localhost":
                    kestrel.ListenLocalhost(host.LocalHttpPort);
                    break;
                case "*" or "0.0.0.0":
                    kestrel.ListenAnyIP(host.LocalHttpPort);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(host.ListenAddress), host.LocalHttpPort);
                    break;
            }
        });
    }
}
