using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Functions.Invocation;
using Serverless.Functions.Operations;

namespace Serverless.Functions.Http;

/// <summary>Registers HTTP triggers: problem details for every error, <c>IActionResult</c> support and the OpenAPI document.</summary>
internal static class HttpRegistration
{
    public static void AddHttpFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITriggerBinder, HttpTriggerBinder>());
        services.AddProblemDetails();
        services.AddExceptionHandler<FunctionExceptionHandler>();

        // Executors for IActionResult (ObjectResult and friends), as in the worker's ASP.NET Core integration.
        services.AddMvcCore();
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<FunctionKeySecurityTransformer>();
            openApi.AddOperationTransformer<FunctionKeySecurityTransformer>();
        });
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, FunctionApiDescriptionProvider>());

        // Authentication pulls in data protection; nothing here protects data (no cookies), so keep its keys in memory.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
    }
}
